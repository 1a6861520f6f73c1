// The three Reflect metadata functions tsyringe (a dependency of @peculiar/x509) insists on at load time; without
// them importing @peculiar/x509 throws "tsyringe requires a reflect polyfill". x509 never emits decorator metadata,
// so a WeakMap store is all it needs. Import this module before @peculiar/x509.
type MetadataStore = WeakMap<object, Map<unknown, unknown>>;

const store: MetadataStore = new WeakMap();
const reflect = Reflect as typeof Reflect & {
  getMetadata?: (key: unknown, target: object) => unknown;
  getOwnMetadata?: (key: unknown, target: object) => unknown;
  defineMetadata?: (key: unknown, value: unknown, target: object) => void;
};

if (!reflect.getMetadata) {
  const own = (key: unknown, target: object) => store.get(target)?.get(key);
  reflect.getOwnMetadata = own;
  reflect.getMetadata = (key, target) => {
    for (let at: object | null = target; at !== null; at = Object.getPrototypeOf(at) as object | null) {
      const value = own(key, at);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  reflect.defineMetadata = (key, value, target) => {
    const map = store.get(target) ?? new Map<unknown, unknown>();
    map.set(key, value);
    store.set(target, map);
  };
}

export {};
