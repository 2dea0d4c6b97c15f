/**
 * The settings in force for a document: defaults, then the folder's `.vigil.yml`, then VS Code settings that the
 * user changed from their defaults ("VS Code settings can override it").
 */
import { applyConfig, type VigilConfig } from '../engine/config/vigil-config';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../engine/types';
import { DEFAULT_VIGIL_SETTINGS, type VigilSettings } from '../shared/protocol';
import { todayUtc } from '../shared/today';

export interface EffectiveSettings {
  enable: boolean;
  exclude: string[];
  analysis: AnalysisSettings;
  debounceMs: number;
}

export function effectiveSettings(vs: VigilSettings, config: VigilConfig): EffectiveSettings {
  const fromConfig = applyConfig(DEFAULT_SETTINGS, config);
  const d = DEFAULT_VIGIL_SETTINGS;
  const analysis: AnalysisSettings = {
    ...fromConfig,
    minSeverity: vs.minSeverity !== d.minSeverity ? vs.minSeverity : fromConfig.minSeverity,
    packs: {
      taint: vs.packs.taint !== d.packs.taint ? vs.packs.taint : fromConfig.packs.taint,
      secrets: vs.packs.secrets !== d.packs.secrets ? vs.packs.secrets : fromConfig.packs.secrets,
      config: vs.packs.config !== d.packs.config ? vs.packs.config : fromConfig.packs.config,
      dependencies: vs.packs.dependencies !== d.packs.dependencies ? vs.packs.dependencies : fromConfig.packs.dependencies,
    },
    maxFileSize: vs.maxFileSize !== d.maxFileSize ? vs.maxFileSize : fromConfig.maxFileSize,
    strictness: vs.strictness,
    // For `.vigil.yml` ignore entries' `until`: the host reads the clock, the engine never does.
    today: todayUtc(),
  };
  return { enable: vs.enable, exclude: [...new Set([...vs.exclude, ...config.exclude])], analysis, debounceMs: vs.debounceMs };
}
