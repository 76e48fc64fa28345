/**
 * The synth steps of the platform, in order, composed here at the top (one line per feature):
 * the CLI and the benchmarks pass this list to runSynth.
 */
import { applicationsSynthStep } from '../applications/applications.synth.ts';
import { agenciesStep, catalogStep } from './synth.service.ts';
import type { SynthStep } from './synth.types.ts';

export const SYNTH_STEPS: readonly SynthStep[] = [agenciesStep, catalogStep, applicationsSynthStep];
