/**
 * What a seed produced: per workspace counts and retail events, and the planted events with their
 * exact dates and ids. Returned by seedDemo and stored in each demo workspace's settings.demo.
 */
import type { IsoDate } from "./calendar.ts";
import type { PlantedEvent } from "./planted.ts";
import type { DemoSlug } from "./profiles.ts";
import type { PeakWindow } from "./seasonality.ts";

interface WorkspaceSummary {
  readonly slug: DemoSlug;
  readonly name: string;
  readonly workspaceId: number;
  readonly currency: string;
  readonly timezone: string;
  /** First local day with data, and the exclusive end. */
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly orders: number;
}

export interface StoreManifest extends WorkspaceSummary {
  readonly vertical: "ecommerce";
  readonly customers: number;
  readonly products: number;
  readonly variants: number;
  readonly campaigns: number;
  /** Retail events with promotions inside the range (Buen Fin, Black Friday, Dia das Mães…). */
  readonly peaks: readonly PeakWindow[];
  /** Tax convention: VAT included in totals at this rate (0: not itemised). */
  readonly vatRate: number;
}

export interface SaasManifest extends WorkspaceSummary {
  readonly vertical: "saas";
  readonly customers: number;
  readonly subscriptions: number;
  /** Active and past-due subscriptions at the end, and their MRR. */
  readonly activeSubscriptions: number;
  readonly mrrCents: number;
}

export type WorkspaceManifest = StoreManifest | SaasManifest;

export interface DemoManifest {
  readonly version: 1;
  readonly seed: number;
  readonly end: IsoDate;
  /** Orders requested for the main store. */
  readonly orders: number;
  readonly workspaces: readonly WorkspaceManifest[];
  readonly planted: readonly PlantedEvent[];
}
