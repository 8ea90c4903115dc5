import type { CommandMetadata } from '@ledger/event-sourcing';
import type { AddAgency, EstablishSubgroup, PublishThemes, RegisterPartnership } from './partnership.commands';
import type { AgencyAdded, PartnershipRegistered, SubgroupEstablished, ThemeListPublished } from './partnership.events';

/** Synthetic fixtures for tests only: a made-up partnership and its agencies. */
export const PARTNERSHIP_ID = '6f1c7c52-2b1e-4a53-9d0a-6c1f2f0e9a01';
export const COUNCIL_ID = '0b8f0c3e-1d2a-4f6b-8e7c-1a2b3c4d5e01';
export const POLICE_ID = '0b8f0c3e-1d2a-4f6b-8e7c-1a2b3c4d5e02';
export const ICB_ID = '0b8f0c3e-1d2a-4f6b-8e7c-1a2b3c4d5e03';
export const SUBGROUP_ID = '2c9d8e7f-6a5b-4c3d-8e1f-0a9b8c7d6e01';

export const metadata: CommandMetadata = {
  now: new Date('2025-03-10T09:00:00Z'),
  occurredAt: new Date('2025-03-10T09:00:00Z'),
  actor: { userId: 'user-business-unit-1', role: 'partnership-admin' },
};

export const registered = (data: Partial<PartnershipRegistered['data']> = {}): PartnershipRegistered => ({
  type: 'PartnershipRegistered',
  data: {
    partnershipId: PARTNERSHIP_ID,
    name: 'Northshire Safeguarding Children Partnership',
    localAuthorities: ['Northshire County Council'],
    ...data,
  },
});

export const agencyAdded = (data: Partial<AgencyAdded['data']> = {}): AgencyAdded => ({
  type: 'AgencyAdded',
  data: { partnershipId: PARTNERSHIP_ID, agencyId: COUNCIL_ID, name: 'Northshire County Council', kind: 'local-authority', ...data },
});

export const subgroupEstablished = (data: Partial<SubgroupEstablished['data']> = {}): SubgroupEstablished => ({
  type: 'SubgroupEstablished',
  data: { partnershipId: PARTNERSHIP_ID, subgroupId: SUBGROUP_ID, name: 'Learning and Improvement', ...data },
});

export const themesPublished = (data: Partial<ThemeListPublished['data']> = {}): ThemeListPublished => ({
  type: 'ThemeListPublished',
  data: { partnershipId: PARTNERSHIP_ID, taxonomyVersion: 1, themes: ['professional curiosity', 'information sharing'], ...data },
});

export const register = (data: Partial<RegisterPartnership['data']> = {}): RegisterPartnership => ({
  type: 'RegisterPartnership',
  data: {
    partnershipId: PARTNERSHIP_ID,
    name: 'Northshire Safeguarding Children Partnership',
    localAuthorities: ['Northshire County Council'],
    ...data,
  },
  metadata,
});

export const addAgency = (data: Partial<AddAgency['data']> = {}): AddAgency => ({
  type: 'AddAgency',
  data: { partnershipId: PARTNERSHIP_ID, agencyId: POLICE_ID, name: 'Northshire Constabulary', kind: 'police', ...data },
  metadata,
});

export const establishSubgroup = (data: Partial<EstablishSubgroup['data']> = {}): EstablishSubgroup => ({
  type: 'EstablishSubgroup',
  data: { partnershipId: PARTNERSHIP_ID, subgroupId: SUBGROUP_ID, name: 'Learning and Improvement', ...data },
  metadata,
});

export const publishThemes = (data: Partial<PublishThemes['data']> = {}): PublishThemes => ({
  type: 'PublishThemes',
  data: { partnershipId: PARTNERSHIP_ID, themes: ['professional curiosity', 'information sharing'], ...data },
  metadata,
});
