/** The files a recipe can be exported as; apart from the generator so the API contract stays light in the renderer. */
export const RECIPE_EXPORT_FORMATS = ['sklearn', 'notebook'] as const;
export type RecipeExportFormat = (typeof RECIPE_EXPORT_FORMATS)[number];

export function isRecipeExportFormat(s: string): s is RecipeExportFormat {
  return (RECIPE_EXPORT_FORMATS as readonly string[]).includes(s);
}
