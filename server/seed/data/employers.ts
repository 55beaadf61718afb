// Fictional employers whose staff use the demo clinic (invented names, not real companies), with relative sizes.
export interface DemoEmployer {
  name: string;
  /** Relative share of demo patients employed here. */
  weight: number;
}

export const DEMO_EMPLOYERS: readonly DemoEmployer[] = [
  { name: 'Larkspur Robotics Cooperative', weight: 10 },
  { name: 'Tidewell Grocers', weight: 8 },
  { name: 'Bluepine Freight Lines', weight: 7 },
  { name: 'Quillfeather Media Works', weight: 4 },
  { name: 'Sunmeadow Hospitality Group', weight: 6 },
  { name: 'Ironbark Builders Guild', weight: 5 },
  { name: 'Fennwick Biosciences', weight: 4 },
  { name: 'Copperleaf Credit Union of the Sound', weight: 3 },
  { name: 'Kestrelwing Aerofabrication', weight: 4 },
  { name: 'Mossgate Mutual Assurance', weight: 3 },
  { name: 'Silverbirch Community Power', weight: 3 },
  { name: 'Fernhollow Game Studio', weight: 2 },
  { name: 'Driftwood & Daughters Apparel', weight: 2 },
  { name: 'Granite Loop Telecom Cooperative', weight: 4 },
  { name: 'Oakmere Legal Partners', weight: 1 },
  { name: 'Willowbrook Learning Collective', weight: 3 },
  { name: 'Lanternfish Ocean Labs', weight: 2 },
  { name: 'Starling Print & Parcel', weight: 5 },
  { name: 'Heronway Transit Services', weight: 4 },
  { name: 'Marigold Home Goods Mercantile', weight: 6 },
  { name: 'Thistle & Finch Design Studio', weight: 1 },
  { name: 'Basaltline Data Halls', weight: 3 },
  { name: 'Juniper Hollow Outfitters', weight: 2 },
  { name: 'Cobalt Harbor Shipping Company', weight: 4 },
  { name: 'Pebblestone Property Stewards', weight: 2 },
  { name: 'Brightkettle Coffee Roasters', weight: 3 },
];
