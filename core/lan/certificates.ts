// The hub's own small certificate authority (EC P-256, made on first run, kept in the data folder, readable by
// its user only) and the server certificate it signs for the hub's names and addresses.
// @peculiar/x509's dependency tsyringe throws at load time without a Reflect metadata polyfill (x509's README).
import 'reflect-metadata';
import { createHash, randomBytes, webcrypto, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { ensurePrivateDir, writePrivateFile } from '../fs-private';

// @peculiar/x509 types keys with the DOM's WebCrypto names; Node's webcrypto hands out the same objects under its own
// names, so values cross between the two through these aliases (core compiles without the DOM library).
type X509Crypto = ReturnType<typeof x509.cryptoProvider.get>;
type X509KeyPair = Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'];
type X509Key = X509KeyPair['privateKey'];

x509.cryptoProvider.set(webcrypto as unknown as X509Crypto);

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY_MS = 24 * 60 * 60_000;
const CA_LIFETIME_MS = 10 * 365 * DAY_MS;
const SERVER_LIFETIME_MS = 2 * 365 * DAY_MS;
/** A server certificate this close to its end is made anew. */
const RENEW_BEFORE_MS = 30 * DAY_MS;

export interface HubCertificates {
  /** PEM private key of the server certificate. */
  readonly key: string;
  /** PEM chain: the server certificate, then the CA. */
  readonly cert: string;
  /** The CA certificate (PEM), downloadable so office IT can trust it. */
  readonly caCert: string;
  /** SHA-256 of the CA certificate, hex upper-case with colons (as browsers and Node show it). */
  readonly caFingerprint256: string;
  /** SHA-256 of the server certificate. */
  readonly serverFingerprint256: string;
  /** base64 SHA-256 of the server certificate's public key (Chromium's SPKI pin list takes this). */
  readonly serverSpkiSha256: string;
}

function serial(): string {
  // Positive: the top bit clear.
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}

async function exportKeyPem(key: X509Key): Promise<string> {
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', key as unknown as webcrypto.CryptoKey);
  return x509.PemConverter.encode(pkcs8, 'PRIVATE KEY');
}

async function importKeyPem(pem: string): Promise<X509Key> {
  const der = x509.PemConverter.decodeFirst(pem);
  return (await webcrypto.subtle.importKey('pkcs8', der, ALGORITHM, true, ['sign'])) as unknown as X509Key;
}

async function makeCa(now: number): Promise<{ keyPem: string; certPem: string }> {
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, [
    'sign',
    'verify',
  ])) as unknown as X509KeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=Fairlead hub CA ${randomBytes(4).toString('hex')}, O=Fairlead`,
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + CA_LIFETIME_MS),
    keys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { keyPem: await exportKeyPem(keys.privateKey), certPem: cert.toString('pem') };
}

function isIp(name: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(name) || name.includes(':');
}

async function makeServer(
  ca: { keyPem: string; certPem: string },
  names: readonly string[],
  now: number,
): Promise<{ keyPem: string; certPem: string }> {
  const caCert = new x509.X509Certificate(ca.certPem);
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, [
    'sign',
    'verify',
  ])) as unknown as X509KeyPair;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: 'CN=Fairlead hub, O=Fairlead',
    issuer: caCert.subject,
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + SERVER_LIFETIME_MS),
    signingKey: await importKeyPem(ca.keyPem),
    publicKey: keys.publicKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(
        names.map((name) =>
          isIp(name) ? { type: 'ip' as const, value: name } : { type: 'dns' as const, value: name },
        ),
      ),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  return { keyPem: await exportKeyPem(keys.privateKey), certPem: cert.toString('pem') };
}

function coversNames(certPem: string, names: readonly string[]): boolean {
  const cert = new X509Certificate(certPem);
  const san = cert.subjectAltName ?? '';
  return names.every((name) =>
    san.split(', ').some((entry) => entry === `DNS:${name}` || entry === `IP Address:${name}`),
  );
}

/** base64 SHA-256 over the DER SubjectPublicKeyInfo. */
export function spkiSha256(certPem: string): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/**
 * Loads the hub's CA and server certificate from `dir` (`<data folder>/lan`), making what is missing: the CA once,
 * the server certificate again when a name is added or it nears its end.
 */
export async function ensureHubCertificates(
  dir: string,
  names: readonly string[],
  now: number,
): Promise<HubCertificates> {
  await ensurePrivateDir(dir);
  const caKeyPath = join(dir, 'ca-key.pem');
  const caCertPath = join(dir, 'ca-cert.pem');
  const keyPath = join(dir, 'server-key.pem');
  const certPath = join(dir, 'server-cert.pem');
  if (!existsSync(caKeyPath) || !existsSync(caCertPath)) {
    const ca = await makeCa(now);
    await writePrivateFile(caKeyPath, ca.keyPem);
    await writePrivateFile(caCertPath, ca.certPem);
  }
  const ca = { keyPem: readFileSync(caKeyPath, 'utf8'), certPem: readFileSync(caCertPath, 'utf8') };
  const allNames = [...new Set(['localhost', '127.0.0.1', ...names])];
  const current = existsSync(certPath) ? readFileSync(certPath, 'utf8') : null;
  const isFresh =
    current !== null &&
    existsSync(keyPath) &&
    coversNames(current, allNames) &&
    new Date(new X509Certificate(current).validTo).getTime() - RENEW_BEFORE_MS > now;
  if (!isFresh) {
    const server = await makeServer(ca, allNames, now);
    await writePrivateFile(keyPath, server.keyPem);
    await writePrivateFile(certPath, server.certPem);
  }
  const certPem = readFileSync(certPath, 'utf8');
  return {
    key: readFileSync(keyPath, 'utf8'),
    cert: `${certPem.trim()}\n${ca.certPem.trim()}\n`,
    caCert: ca.certPem,
    caFingerprint256: new X509Certificate(ca.certPem).fingerprint256,
    serverFingerprint256: new X509Certificate(certPem).fingerprint256,
    serverSpkiSha256: spkiSha256(certPem),
  };
}
