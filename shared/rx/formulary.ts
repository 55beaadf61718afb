// The formulary: product and ingredient schemas (zod), the loader of the curated data or of a newer
// RxNorm-derived extract in the same JSON form, and offline name search.
import { z } from 'zod';
import { PRODUCT_LINES } from './data/products';
import { INGREDIENT_LINES } from './data/ingredients';

export const DEA_SCHEDULES = ['none', 'II', 'III', 'IV', 'V'] as const;
export const DeaScheduleSchema = z.enum(DEA_SCHEDULES);
export type DeaSchedule = z.infer<typeof DeaScheduleSchema>;

/** An RxNorm concept id as NLM publishes it: digits only. */
export const RxcuiSchema = z.string().regex(/^\d{1,8}$/, 'an RxNorm code (digits)');

const ClassName = z.string().regex(/^[a-z0-9_]+$/, 'a class name like penicillins');

export const FormularyProductSchema = z.strictObject({
  rxcui: RxcuiSchema,
  name: z.string().min(3).max(200),
  strength: z.string().min(1).max(80),
  doseForm: z.string().min(3).max(80),
  schedule: DeaScheduleSchema,
  /** Ingredient names, lower case, as in the ingredient list. */
  ingredients: z.array(z.string().min(2).max(60)).min(1).max(6),
  /** For duplicate-therapy checks: two active products of one class are a duplicate. */
  therapeuticClass: ClassName,
  /** False when the code was not checked against an NLM release (shown as unverified). */
  verified: z.boolean(),
});
export type FormularyProduct = z.infer<typeof FormularyProductSchema>;

export const FormularyIngredientSchema = z.strictObject({
  name: z.string().min(2).max(60),
  rxcui: RxcuiSchema.nullable(),
  /** Allergy classes (penicillins, cephalosporins, sulfonamide_antibiotics, nsaids, opioids, ...). */
  allergyClasses: z.array(ClassName),
  /** Interaction groups of the ONC list (maoi, serotonergic, qt_prolonging, ...). */
  interactionGroups: z.array(ClassName),
});
export type FormularyIngredient = z.infer<typeof FormularyIngredientSchema>;

/** The JSON form of a formulary (the curated one, or a newer RxNorm-derived extract). */
export const FormularyFileSchema = z
  .strictObject({
    source: z.string().min(3).max(500),
    products: z.array(FormularyProductSchema).min(1),
    ingredients: z.array(FormularyIngredientSchema),
  })
  .superRefine((f, ctx) => {
    const codes = new Set<string>();
    const names = new Set(f.ingredients.map((i) => i.name));
    f.products.forEach((p, i) => {
      if (codes.has(p.rxcui)) ctx.addIssue({ code: 'custom', path: ['products', i, 'rxcui'], message: `duplicate RxNorm code ${p.rxcui}` });
      codes.add(p.rxcui);
      for (const ing of p.ingredients) {
        if (!names.has(ing) && !/^[a-z0-9 .,'/-]+$/.test(ing)) ctx.addIssue({ code: 'custom', path: ['products', i, 'ingredients'], message: `bad ingredient name ${ing}` });
      }
    });
  });
export type FormularyFile = z.infer<typeof FormularyFileSchema>;

export interface Formulary {
  source: string;
  products: readonly FormularyProduct[];
  byCode: ReadonlyMap<string, FormularyProduct>;
  /** Ingredient facts by name; ingredients without a row have no allergy class or interaction group. */
  ingredients: ReadonlyMap<string, FormularyIngredient>;
}

const list = (s: string | undefined): string[] => (s ? s.split(';').map((x) => x.trim()).filter(Boolean) : []);

/** Turns the compact curated lines into the JSON form (see data/products.ts for the columns). */
export function curatedFormularyFile(): unknown {
  return {
    source: 'Housecall curated formulary (shared/rx/data/SOURCE.md)',
    products: PRODUCT_LINES.map((line) => {
      const [rxcui, name, strength, doseForm, schedule, ingredients, therapeuticClass, verified] = line.split('|');
      return { rxcui, name, strength, doseForm, schedule, ingredients: list(ingredients), therapeuticClass, verified: verified === '1' };
    }),
    ingredients: INGREDIENT_LINES.map((line) => {
      const [name, rxcui, allergyClasses, interactionGroups] = line.split('|');
      return { name, rxcui: rxcui === '-' ? null : rxcui, allergyClasses: list(allergyClasses), interactionGroups: list(interactionGroups) };
    }),
  };
}

export type FormularyLoad = { ok: true; formulary: Formulary } | { ok: false; message: string };

/** Validates a formulary file (curated or a newer extract) and indexes it. */
export function loadFormulary(raw: unknown): FormularyLoad {
  const parsed = FormularyFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `The formulary file is not valid: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() };
  }
  const f = parsed.data;
  return {
    ok: true,
    formulary: {
      source: f.source,
      products: f.products,
      byCode: new Map(f.products.map((p) => [p.rxcui, p])),
      ingredients: new Map(f.ingredients.map((i) => [i.name, i])),
    },
  };
}

let curated: Formulary | null = null;

/** The curated formulary shipped with the app (validated once, on first use). */
export function curatedFormulary(): Formulary {
  if (curated) return curated;
  const loaded = loadFormulary(curatedFormularyFile());
  if (!loaded.ok) throw new Error(loaded.message);
  curated = loaded.formulary;
  return curated;
}

/** Products whose name contains every word of the query (case-insensitive), verified codes first. */
export function searchFormulary(formulary: Formulary, query: string, limit = 20): FormularyProduct[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits = formulary.products.filter((p) => {
    const hay = `${p.name} ${p.ingredients.join(' ')}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  return hits
    .sort((a, b) => Number(b.verified) - Number(a.verified) || a.name.localeCompare(b.name))
    .slice(0, limit);
}
