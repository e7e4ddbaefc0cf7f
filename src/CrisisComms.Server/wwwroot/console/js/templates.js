// Templates for common municipal crises. Applying one fills the form; every word stays editable.
// Written to the guidelines: the most urgent first, plain language, lätt svenska and English.

/** The organisation's own site; templates suggest a crisis page under it when the link is empty. */
export const SITE = 'https://www.linkoping.se';
export const DEFAULT_SENDER = 'Linköpings kommun, krisledningen';

export const TEMPLATES = [
  {
    id: 'water', category: 'Health', name: { sv: 'Dricksvatten: koka vattnet', en: 'Drinking water: boil the water' }, severity: 'critical', slug: 'vatten',
    content: {
      sv: {
        headline: 'Koka vattnet innan du dricker det',
        lead: 'Dricksvattnet kan innehålla bakterier. Koka vattnet innan du dricker det eller lagar mat med det.',
        body: 'Felet gäller tills vidare. Vi provtar vattnet och meddelar när det är drickbart igen.',
        instruction: 'Låt vattnet koka i minst tre minuter. Duscha och tvätta som vanligt.',
      },
      'sv-x-easy': { headline: 'Koka vattnet', lead: 'Vattnet i kranen kan göra dig sjuk. Koka vattnet innan du dricker det.' },
      en: { headline: 'Boil your tap water', lead: 'The tap water may contain bacteria. Boil it before drinking it or cooking with it.' },
    },
    allClear: {
      sv: { headline: 'Vattnet går att dricka igen', lead: 'Du behöver inte längre koka dricksvattnet. Proverna visar att vattnet är rent.', instruction: 'Spola kranen kallt i några minuter innan du dricker.' },
      'sv-x-easy': { headline: 'Vattnet går att dricka', lead: 'Nu kan du dricka vattnet i kranen igen.' },
      en: { headline: 'The tap water is safe to drink again', lead: 'You no longer need to boil your tap water. Tests show it is clean.' },
    },
  },
  {
    id: 'power', category: 'Infra', name: { sv: 'Elavbrott', en: 'Power cut' }, severity: 'warning', slug: 'elavbrott',
    content: {
      sv: {
        headline: 'Elavbrott i delar av kommunen',
        lead: 'Många hushåll är utan el. Elbolaget arbetar med att laga felet.',
        body: 'Vi vet inte än när strömmen kommer tillbaka. Kommunens verksamheter har reservkraft.',
        instruction: 'Ring 112 bara vid fara för liv. Titta till grannar som behöver hjälp.',
      },
      'sv-x-easy': { headline: 'Ingen el', lead: 'Många hem har ingen el just nu. Det lagas så fort som möjligt.' },
      en: { headline: 'Power cut in parts of the municipality', lead: 'Many homes have no electricity. The power company is working on the fault.' },
    },
    allClear: {
      sv: { headline: 'Strömmen är tillbaka', lead: 'Elavbrottet är över. Alla hushåll har el igen.', instruction: 'Kontrollera frysen och kylskåpet.' },
      'sv-x-easy': { headline: 'Elen är tillbaka', lead: 'Alla hem har el igen.' },
      en: { headline: 'The power is back', lead: 'The power cut is over. All homes have electricity again.' },
    },
  },
  {
    id: 'storm', category: 'Met', name: { sv: 'Storm', en: 'Storm' }, severity: 'warning', slug: 'storm',
    content: {
      sv: {
        headline: 'Storm väntas i kväll',
        lead: 'SMHI varnar för mycket hårda vindar. Träd kan falla och vägar kan stängas.',
        body: 'Kommunens verksamheter håller öppet så länge det är säkert. Vi uppdaterar här.',
        instruction: 'Stanna inomhus om du kan. Säkra lösa föremål på balkong och tomt.',
      },
      'sv-x-easy': { headline: 'Det blir storm', lead: 'Det blåser mycket i kväll. Stanna inne om du kan.' },
      en: { headline: 'Storm expected tonight', lead: 'Very strong winds are forecast. Trees may fall and roads may close.' },
    },
    allClear: {
      sv: { headline: 'Stormen är över', lead: 'Vinden har mojnat. Var försiktig med fallna träd och ledningar.', instruction: 'Ring 112 bara vid fara för liv.' },
      'sv-x-easy': { headline: 'Stormen är slut', lead: 'Det blåser inte så mycket längre. Akta dig för träd som har fallit.' },
      en: { headline: 'The storm is over', lead: 'The wind has dropped. Watch out for fallen trees and power lines.' },
    },
  },
  {
    id: 'fire', category: 'Fire', name: { sv: 'Brand och rök', en: 'Fire and smoke' }, severity: 'critical', slug: 'brand',
    content: {
      sv: {
        headline: 'Brand med kraftig rök: stäng fönster',
        lead: 'En brand ger kraftig rök. Gå inomhus och stäng fönster, dörrar och ventilation.',
        body: 'Räddningstjänsten är på plats. Röken driver med vinden.',
        instruction: 'Lyssna på Sveriges Radio P4 för mer information.',
      },
      'sv-x-easy': { headline: 'Det brinner', lead: 'Det kommer mycket rök. Gå in och stäng fönstren.' },
      en: { headline: 'Fire with heavy smoke: close your windows', lead: 'A fire is giving off heavy smoke. Go indoors and close windows, doors and ventilation.' },
    },
    allClear: {
      sv: { headline: 'Branden är släckt: du kan öppna fönstren', lead: 'Röken har dragit bort. Du kan öppna fönster och sätta på ventilationen igen.', instruction: 'Vädra ordentligt.' },
      'sv-x-easy': { headline: 'Branden är släckt', lead: 'Det kommer ingen rök längre. Du kan öppna fönstren.' },
      en: { headline: 'The fire is out: you may open your windows', lead: 'The smoke has cleared. You can open windows and turn ventilation back on.' },
    },
  },
  {
    id: 'road', category: 'Transport', name: { sv: 'Avstängd väg', en: 'Road closure' }, severity: 'info', slug: 'trafik',
    content: {
      sv: {
        headline: 'Vägen är avstängd',
        lead: 'Vägen är avstängd på grund av en olycka. Följ omledningsskyltarna.',
        body: 'Busstrafiken leds om. Räkna med längre restid.',
        instruction: 'Undvik området om du kan.',
      },
      'sv-x-easy': { headline: 'Vägen är stängd', lead: 'Du kan inte köra på vägen just nu. Följ skyltarna.' },
      en: { headline: 'Road closed', lead: 'The road is closed after an accident. Follow the diversion signs.' },
    },
    allClear: {
      sv: { headline: 'Vägen är öppen igen', lead: 'Vägen är öppen för trafik igen. Bussarna går som vanligt.', instruction: 'Kör försiktigt förbi platsen.' },
      'sv-x-easy': { headline: 'Vägen är öppen', lead: 'Nu kan du köra på vägen igen.' },
      en: { headline: 'The road is open again', lead: 'The road is open to traffic again. Buses run as usual.' },
    },
  },
  {
    id: 'school', category: 'Safety', name: { sv: 'Stängd skola', en: 'School closure' }, severity: 'warning', slug: 'skola',
    content: {
      sv: {
        headline: 'Skolan är stängd i dag',
        lead: 'Skolan håller stängt i dag. Fritidshemmet tar emot barn till vårdnadshavare som inte kan vara hemma.',
        body: 'Mer information kommer i skolans app och i sms till vårdnadshavare.',
        instruction: 'Hämta ditt barn om du kan. Ring skolans expedition vid frågor.',
      },
      'sv-x-easy': { headline: 'Skolan är stängd', lead: 'Det är ingen skola i dag. Barnen ska vara hemma om det går.' },
      en: { headline: 'School closed today', lead: 'The school is closed today. After-school care is open for children whose guardians cannot stay at home.' },
    },
    allClear: {
      sv: { headline: 'Skolan är öppen igen', lead: 'Skolan håller öppet som vanligt från nästa skoldag.', instruction: 'Frågor besvaras av skolans expedition.' },
      'sv-x-easy': { headline: 'Skolan är öppen', lead: 'Barnen kan gå till skolan igen.' },
      en: { headline: 'The school is open again', lead: 'The school is open as usual from the next school day.' },
    },
  },
  {
    id: 'it', category: 'Infra', name: { sv: 'IT-störning', en: 'IT outage' }, severity: 'info', slug: 'it-storning',
    content: {
      sv: {
        headline: 'Störning i kommunens e-tjänster',
        lead: 'Kommunens e-tjänster och växel fungerar inte just nu. Vi arbetar med att lösa felet.',
        body: 'Ärenden du redan har skickat in är inte påverkade.',
        instruction: 'Ring 112 vid fara för liv. Försök igen senare med andra ärenden.',
      },
      'sv-x-easy': { headline: 'Datorerna krånglar', lead: 'Kommunens e-tjänster fungerar inte just nu. Försök igen senare.' },
      en: { headline: 'Disruption to the municipality\'s e-services', lead: 'Our e-services and switchboard are down. We are working to fix the fault.' },
    },
    allClear: {
      sv: { headline: 'Kommunens e-tjänster fungerar igen', lead: 'Störningen är åtgärdad. E-tjänsterna och växeln fungerar som vanligt.', instruction: 'Ärenden som inte gick att skicka kan skickas nu.' },
      'sv-x-easy': { headline: 'Datorerna fungerar igen', lead: 'Nu fungerar kommunens e-tjänster igen.' },
      en: { headline: 'The municipality\'s e-services work again', lead: 'The disruption is fixed. E-services and the switchboard work as usual.' },
    },
  },
];

/** Where the crisis type of a notice is not known: the all-clear in general words. */
export const GENERAL_ALL_CLEAR = {
  sv: { headline: 'Faran är över', lead: 'Det som vi varnade för är över. Du kan göra som vanligt igen.' },
  'sv-x-easy': { headline: 'Faran är över', lead: 'Det är inte farligt längre.' },
  en: { headline: 'The danger is over', lead: 'What we warned about is over. You can go about as usual again.' },
};

/** A deep copy of a template's content, so editing the form never changes the template. */
export function contentOf(template) {
  return JSON.parse(JSON.stringify(template.content));
}

/**
 * The all-clear wording for the incident a notice belongs to: its template's, found by the crisis
 * page the template suggested (…/kris/vatten) or by its Swedish headline; else the general one.
 */
export function allClearOf(notice) {
  const link = (notice && notice.link) || '';
  const headline = notice && notice.content && notice.content.sv ? notice.content.sv.headline : '';
  const tpl = TEMPLATES.find((x) => link.replace(/\/+$/, '').endsWith(`/kris/${x.slug}`))
    || TEMPLATES.find((x) => x.content.sv.headline === headline);
  return JSON.parse(JSON.stringify(tpl ? tpl.allClear : GENERAL_ALL_CLEAR));
}
