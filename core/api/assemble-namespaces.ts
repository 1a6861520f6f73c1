// Joins the namespaces' declaration maps into one, refusing a name declared twice (a silent override would hide
// a call behind another).

type Merged<Parts extends readonly object[]> = Parts extends readonly [
  infer Head,
  ...infer Rest extends readonly object[],
]
  ? Head & Merged<Rest>
  : unknown;

export function assembleNamespaces<const Parts extends readonly object[]>(
  what: string,
  ...parts: Parts
): Merged<Parts> {
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(part)) {
      if (Object.hasOwn(out, name)) throw new Error(`The ${what} ${name} is declared twice.`);
      out[name] = value;
    }
  }
  return out as Merged<Parts>;
}
