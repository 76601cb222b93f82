// The settings package.json contributes, whether in one configuration object or in titled sections.
export type SettingSchema = Record<string, unknown> & { default?: unknown; markdownDescription: string; description?: string; order?: number };

export function manifestSettings(manifest: { contributes: { configuration: unknown } }): Record<string, SettingSchema> {
  const c = manifest.contributes.configuration as { properties: Record<string, SettingSchema> } | { properties: Record<string, SettingSchema> }[];
  return Object.assign({}, ...(Array.isArray(c) ? c : [c]).map((s) => s.properties));
}
