// fast-check arbitraries read off a zod 4 schema: values shaped like the schema (objects, capped strings, bounded
// numbers, enums, arrays, unions), mostly valid; refinements are not solved, so some come out invalid, which the
// hostile-input test wants anyway. zod-fast-check reads zod 3's internals only, hence this small walker.
import fc from 'fast-check';
import type { z } from 'zod';

type Arb = fc.Arbitrary<unknown>;

interface Bag {
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: RegExp;
}

interface Def {
  readonly type: string;
  readonly [key: string]: unknown;
}

const MAX_DEPTH = 6;
/** Generated strings stay short: the hostile mutations bring the long ones. */
const MAX_SAMPLE_STRING = 40;
const MAX_SAMPLE_ITEMS = 4;

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

interface CheckDef {
  readonly check?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly length?: number;
  readonly value?: number;
  readonly format?: string;
  readonly pattern?: RegExp;
}

/** Limits and formats from the schema's own definition and its checks (`.min`, `.max`, `.int()`, `.regex`). */
function bagOf(schema: z.ZodType): Bag {
  const def = defOf(schema) as Def & CheckDef & { checks?: { _zod: { def: CheckDef } }[] };
  const bag: Bag = {};
  if (def.format) bag.format = def.format;
  if (def.pattern) bag.pattern = def.pattern;
  for (const { _zod } of def.checks ?? []) {
    const check = _zod.def;
    if (check.check === 'min_length') bag.minimum = check.minimum;
    else if (check.check === 'max_length') bag.maximum = check.maximum;
    else if (check.check === 'length_equals') bag.minimum = bag.maximum = check.length;
    else if (check.check === 'greater_than') bag.minimum = check.value;
    else if (check.check === 'less_than') bag.maximum = check.value;
    else if (check.check === 'number_format' || check.check === 'string_format') {
      bag.format = check.format;
      if (check.pattern) bag.pattern = check.pattern;
    }
  }
  return bag;
}

function finiteOr(value: number | undefined, fallback: number): number {
  return value === undefined || !Number.isFinite(value) ? fallback : value;
}

function stringArbitrary(bag: Bag): Arb {
  const minLength = finiteOr(bag.minimum, 0);
  const maxLength = Math.max(
    minLength,
    Math.min(finiteOr(bag.maximum, MAX_SAMPLE_STRING), MAX_SAMPLE_STRING),
  );
  const pattern = bag.pattern;
  if (bag.format === 'email') return fc.emailAddress();
  // A URL that answers at once if anything dials it (client.connect does): nothing listens on port 9.
  if (bag.format === 'url') return fc.constant('http://127.0.0.1:9/');
  // Calendar dates: real ones and impossible ones alike.
  if (bag.format === 'date' || pattern?.source.includes('\\d{4}-\\d{2}-\\d{2}')) {
    return fc.oneof(
      fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      fc.constantFrom('2026-02-30', '2026-99-99', '2026-00-10'),
    );
  }
  if (pattern) {
    return fc.stringMatching(pattern).filter((s) => s.length <= Math.max(maxLength, 64));
  }
  return fc.string({ minLength, maxLength, unit: 'grapheme' });
}

function numberArbitrary(bag: Bag): Arb {
  const isInt = bag.format === 'safeint' || bag.format === 'int32' || bag.format === 'uint32';
  const min = finiteOr(bag.minimum, -1_000_000);
  const max = finiteOr(bag.maximum, 1_000_000);
  if (isInt)
    return fc.integer({ min: Math.ceil(Math.max(min, -(2 ** 31))), max: Math.floor(Math.min(max, 2 ** 31)) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** An arbitrary of values shaped like `schema`'s input. */
export function arbitraryOf(schema: z.ZodType, depth = 0): Arb {
  if (depth > MAX_DEPTH) return fc.constant(null);
  const def = defOf(schema);
  const inner = (key: string) => arbitraryOf(def[key] as z.ZodType, depth + 1);
  switch (def.type) {
    case 'string':
      return stringArbitrary(bagOf(schema));
    case 'number':
      return numberArbitrary(bagOf(schema));
    case 'int':
      return fc.integer({ min: -1000, max: 1000 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'array': {
      const bag = bagOf(schema);
      const minLength = finiteOr(bag.minimum, 0);
      const maxLength = Math.max(
        minLength,
        Math.min(finiteOr(bag.maximum, MAX_SAMPLE_ITEMS), MAX_SAMPLE_ITEMS),
      );
      return fc.array(inner('element'), { minLength, maxLength });
    }
    case 'tuple':
      return fc.tuple(...(def.items as z.ZodType[]).map((item) => arbitraryOf(item, depth + 1)));
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const model: Record<string, Arb> = {};
      const requiredKeys: string[] = [];
      for (const [key, field] of Object.entries(shape)) {
        model[key] = arbitraryOf(field, depth + 1);
        const optional = (field as unknown as { _zod: { optin?: string } })._zod.optin === 'optional';
        if (!optional) requiredKeys.push(key);
      }
      return fc.record(model, { requiredKeys });
    }
    case 'record':
      return fc.dictionary(
        fc.string({ minLength: 1, maxLength: 12 }),
        arbitraryOf(def.valueType as z.ZodType, depth + 1),
        { maxKeys: 3 },
      );
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((option) => arbitraryOf(option, depth + 1)));
    case 'intersection':
      return fc
        .tuple(inner('left'), inner('right'))
        .map(([left, right]) => ({ ...(left as object), ...(right as object) }));
    case 'optional':
    case 'nonoptional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'success':
      return inner('innerType');
    case 'nullable':
      return fc.option(inner('innerType'), { nil: null, freq: 4 });
    case 'pipe':
      return inner('in');
    case 'lazy':
      return arbitraryOf((def.getter as () => z.ZodType)(), depth + 1);
    default:
      // custom, transform, any, unknown: mostly stage keys and ids (the custom schemas here are those), else any JSON.
      return fc.oneof(
        { arbitrary: fc.constantFrom('raw', 'mql', 'won', 'lost', 'lead', 'rep_00001'), weight: 4 },
        { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
      );
  }
}
