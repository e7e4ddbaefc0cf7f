// Hand-made snapshots in the contract's shape (camelCase, enums as words).

export function banner(overrides = {}) {
  return {
    id: 'n-1',
    incidentId: 'i-1',
    version: 1,
    kind: 'alert',
    severity: 'critical',
    mode: 'actual',
    sender: 'Linköpings kommun, krisledningen',
    link: 'https://www.linkoping.se/kris',
    linkIsExternal: false,
    publishedAt: '2026-05-14T10:03:04Z',
    expiresAt: '2026-05-15T10:00:00Z',
    content: {
      sv: { headline: 'Koka vattnet', lead: 'Vattnet i Ryd kan vara förorenat.', body: 'Rad ett\nRad två', instruction: 'Koka vattnet i tre minuter.' },
      'sv-x-easy': { headline: 'Koka vattnet', lead: 'Vattnet kan göra dig sjuk.', body: '', instruction: 'Koka vattnet innan du dricker.' },
      en: { headline: 'Boil the water', lead: 'The water in Ryd may be contaminated.', body: '', instruction: 'Boil for three minutes.' },
    },
    ...overrides,
  };
}

export function snapshot(banners = [banner()], overrides = {}) {
  return { audience: 'public', mode: 'actual', revision: 7, banners, ...overrides };
}

export const NOW = Date.parse('2026-05-14T12:00:00Z');
