import * as z from 'zod/v4';

/**
 * `z.discriminatedUnion`, typed as the union it is (`z.ZodUnion` of its options). zod 4.1
 * gave `ZodDiscriminatedUnion` a second type parameter, the discriminator's name, which
 * zod 3.25's `zod/v4` declarations lack, and TypeScript writes it into the declarations
 * okrkit ships; `ZodUnion<Options>` reads the same under zod 3.25 and zod 4. The schema
 * is zod's own discriminated union: parsing, issues and the JSON Schema are unchanged.
 */
export function discriminatedUnion<Types extends readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]]>(
  key: string,
  options: Types,
  params?: string | z.core.$ZodDiscriminatedUnionParams,
): z.ZodUnion<Types> {
  return z.discriminatedUnion(key, options, params);
}
