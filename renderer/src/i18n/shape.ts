/** The same keys as the Chinese resources, any string values: a missing translation fails to compile. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
