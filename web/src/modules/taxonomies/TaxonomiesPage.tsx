export function TaxonomiesPage() {
  return null;
}
