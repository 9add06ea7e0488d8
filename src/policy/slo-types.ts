/** The resolved budget policy: SLOs, freeze windows and the override rule (see slo-schema.ts). */
import type { OnNoData } from './schema.js';

export type Severity = 'block' | 'warn';

export interface BurnTierSpec {
  longMs: number;
  shortMs: number;
  severity: Severity;
  /** The burn rate both windows must exceed; absent when derived from `share` at evaluation. */
  factor?: number;
  /** Share of the whole budget the long window may spend (factor = share × window / long). */
  share?: number;
}

export type SloWindowSpec = { kind: 'rolling'; ms: number } | { kind: 'month'; timeZone: string };

export interface SloSpec {
  name: string;
  source: string;
  description?: string;
  /** 0.999 for 99.9%. */
  objective: number;
  /** 1 − objective, free of float artefacts (0.001, not 0.0010000000000000009). */
  budget: number;
  window: SloWindowSpec;
  /** Whether the first query counts bad events (errors) or good ones. */
  counts: 'errors' | 'good';
  /** The errors or good query, with `{{window}}`. */
  bad: string;
  total: string;
  minEvents: number;
  minRemaining: number;
  tiers: BurnTierSpec[];
  decideOn: 'point' | 'upper-bound';
  confidence: number;
  interval: 'clopper-pearson' | 'wilson';
  currentWindowMs: number;
  canary?: { metric: string; severity?: Severity };
  onNoData: OnNoData;
  line: number;
}

/** Minutes since Monday 00:00, local wall-clock time. */
export interface WeekTime {
  day: number;
  minute: number;
}

export type FreezeSpec = {
  name: string;
  reason?: string;
  timeZone: string;
  severity: Severity;
  line: number;
} & ({ kind: 'range'; start: number; end: number } | { kind: 'weekly'; from: WeekTime; to: WeekTime; text: string });

export interface OverrideSpec {
  label: string;
  appliesTo: ('budget' | 'freeze')[];
}
