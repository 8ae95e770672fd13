/** `true` when A and B are the same type (not merely assignable either way). */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only when `value` has exactly the type T: `exactly<LkErrorCode>()(event.detail.code)`. */
export const exactly =
  <T>() =>
  <V>(value: V, ...proof: Equal<V, T> extends true ? [] : [`expected another type`]): void => {
    void value;
    void proof;
  };
