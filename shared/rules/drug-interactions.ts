// The ONC high-priority drug-drug interaction pairs (Phansalkar et al., JAMIA 2012, Table 2; numbering of the
// paper's candidate list), as pairs of ingredient names or interaction groups from the formulary.
export interface InteractionPair {
  /** The pair's number in Phansalkar 2012. */
  id: number;
  label: string;
  /** Ingredient names or interaction groups on each side. */
  a: readonly string[];
  b: readonly string[];
}

export const ONC_PAIRS: readonly InteractionPair[] = [
  { id: 3, label: 'amphetamine derivatives with MAO inhibitors (hypertensive crisis)', a: ['amphetamine_derivative'], b: ['maoi'] },
  { id: 4, label: 'atazanavir with proton pump inhibitors (loss of atazanavir effect)', a: ['atazanavir'], b: ['proton_pump_inhibitor'] },
  { id: 6, label: 'febuxostat with azathioprine or mercaptopurine (bone marrow toxicity)', a: ['febuxostat'], b: ['thiopurine'] },
  { id: 8, label: 'SSRIs or other serotonergic drugs with MAO inhibitors (serotonin syndrome)', a: ['serotonergic'], b: ['maoi'] },
  { id: 11, label: 'irinotecan with strong CYP3A4 inhibitors or protease inhibitors (irinotecan toxicity)', a: ['irinotecan'], b: ['strong_cyp3a4_inhibitor', 'protease_inhibitor'] },
  { id: 16, label: 'serotonergic narcotic analgesics or dextromethorphan with MAO inhibitors (serotonin syndrome)', a: ['serotonergic_opioid'], b: ['maoi'] },
  { id: 20, label: 'tricyclic antidepressants with MAO inhibitors (serotonin syndrome, hypertensive crisis)', a: ['tricyclic_antidepressant'], b: ['maoi'] },
  { id: 21, label: 'two QT-prolonging drugs (torsades de pointes)', a: ['qt_prolonging'], b: ['qt_prolonging'] },
  { id: 22, label: 'ramelteon with CYP1A2 inhibitors (ramelteon toxicity)', a: ['ramelteon'], b: ['cyp1a2_inhibitor'] },
  { id: 23, label: 'protease inhibitors with strong CYP3A4 inducers (loss of antiviral effect)', a: ['protease_inhibitor'], b: ['strong_cyp3a4_inducer'] },
  { id: 25, label: 'simvastatin or lovastatin with strong CYP3A4 inhibitors (myopathy)', a: ['simvastatin_lovastatin'], b: ['strong_cyp3a4_inhibitor'] },
  { id: 27, label: 'ergot alkaloids with strong CYP3A4 inhibitors or protease inhibitors (ergotism)', a: ['ergot_alkaloid'], b: ['strong_cyp3a4_inhibitor', 'protease_inhibitor'] },
  { id: 28, label: 'tizanidine with CYP1A2 inhibitors (hypotension, sedation)', a: ['tizanidine'], b: ['cyp1a2_inhibitor'] },
  { id: 30, label: 'tranylcypromine with procarbazine (hypertensive crisis)', a: ['tranylcypromine'], b: ['procarbazine'] },
  { id: 31, label: 'triptans with MAO inhibitors (serotonin syndrome)', a: ['triptan'], b: ['maoi'] },
];

const meets = (tags: ReadonlySet<string>, side: readonly string[]) => side.some((t) => tags.has(t));

/** The ONC pairs two drugs (given by their tags: ingredient names and interaction groups) fall under. */
export function interactingPairs(first: ReadonlySet<string>, second: ReadonlySet<string>): InteractionPair[] {
  return ONC_PAIRS.filter((p) => (meets(first, p.a) && meets(second, p.b)) || (meets(first, p.b) && meets(second, p.a)));
}
