import { IllegalTransition, InvalidInput, NotFound } from '@ledger/event-sourcing';
import { deciderSpecification, stateAfter } from '@ledger/testing';
import {
  addAgency,
  agencyAdded,
  COUNCIL_ID,
  establishSubgroup,
  ICB_ID,
  PARTNERSHIP_ID,
  POLICE_ID,
  publishThemes,
  register,
  registered,
  subgroupEstablished,
  SUBGROUP_ID,
  themesPublished,
} from './partnership.fixtures';
import { partnershipDecider } from './partnership.decider';
import {
  AgencyAlreadyAdded,
  AgencyNameTaken,
  LocalAuthoritiesRequired,
  LocalAuthorityDuplicated,
  NameRequired,
  SubgroupAlreadyEstablished,
  SubgroupNameTaken,
  ThemeDuplicated,
  ThemesRequired,
} from './partnership.errors';

const spec = deciderSpecification(partnershipDecider);
const codeIs = (code: string) => (error: Error) => expect(error).toHaveProperty('code', code);

describe('Partnership', () => {
  describe('when not registered', () => {
    it('registers the partnership with trimmed local authorities', () => {
      spec
        .given([])
        .when(
          register({
            name: '  Northshire Safeguarding Children Partnership ',
            localAuthorities: [' Northshire County Council', 'Eastvale Borough Council '],
          }),
        )
        .then([registered({ localAuthorities: ['Northshire County Council', 'Eastvale Borough Council'] })]);
    });

    it('refuses a blank name', () => {
      spec
        .given([])
        .when(register({ name: '   ' }))
        .thenThrows(NameRequired, codeIs('name-required'));
    });

    it('refuses an empty list of local authorities', () => {
      spec
        .given([])
        .when(register({ localAuthorities: [] }))
        .thenThrows(LocalAuthoritiesRequired, codeIs('local-authorities-required'));
    });

    it('refuses a blank local authority', () => {
      spec
        .given([])
        .when(register({ localAuthorities: ['Northshire County Council', ' '] }))
        .thenThrows(LocalAuthoritiesRequired);
    });

    it('refuses a local authority listed twice, ignoring case and spaces', () => {
      spec
        .given([])
        .when(register({ localAuthorities: ['Northshire County Council', ' northshire county council'] }))
        .thenThrows(LocalAuthorityDuplicated, codeIs('local-authority-duplicated'));
    });

    it.each([
      ['AddAgency', addAgency()],
      ['EstablishSubgroup', establishSubgroup()],
      ['PublishThemes', publishThemes()],
    ])('refuses %s as not found', (_name, command) => {
      spec
        .given([])
        .when(command)
        .thenThrows(NotFound, (error) => expect(error).toMatchObject({ what: 'partnership', id: PARTNERSHIP_ID }));
    });
  });

  describe('when registered', () => {
    it('refuses to register again', () => {
      spec.given([registered()]).when(register()).thenThrows(IllegalTransition, codeIs('illegal-transition'));
    });

    it('adds an agency', () => {
      spec
        .given([registered(), agencyAdded()])
        .when(addAgency({ name: ' Northshire Constabulary ' }))
        .then([
          {
            type: 'AgencyAdded',
            data: { partnershipId: PARTNERSHIP_ID, agencyId: POLICE_ID, name: 'Northshire Constabulary', kind: 'police' },
          },
        ]);
    });

    it('refuses an agency whose name another agency has, ignoring case', () => {
      spec
        .given([registered(), agencyAdded()])
        .when(addAgency({ name: 'NORTHSHIRE county council ', kind: 'local-authority' }))
        .thenThrows(AgencyNameTaken, codeIs('agency-name-taken'));
    });

    it('refuses an agency id already in the partnership', () => {
      spec
        .given([registered(), agencyAdded()])
        .when(addAgency({ agencyId: COUNCIL_ID, name: 'Northshire ICB', kind: 'health' }))
        .thenThrows(AgencyAlreadyAdded, codeIs('agency-already-added'));
    });

    it('refuses an agency with a blank name', () => {
      spec
        .given([registered()])
        .when(addAgency({ name: ' ' }))
        .thenThrows(NameRequired);
    });

    it('refuses an agency kind outside the list', () => {
      spec
        .given([registered()])
        .when(addAgency({ agencyId: ICB_ID, name: 'Northshire ICB', kind: 'hospital' }))
        .thenThrows(InvalidInput, (error) =>
          expect((error as InvalidInput).errors).toEqual([{ field: 'kind', message: expect.any(String) }]),
        );
    });

    it('establishes a subgroup', () => {
      spec
        .given([registered()])
        .when(establishSubgroup({ name: ' Learning and Improvement' }))
        .then([subgroupEstablished()]);
    });

    it('refuses a subgroup whose name is taken, ignoring case', () => {
      spec
        .given([registered(), subgroupEstablished()])
        .when(establishSubgroup({ subgroupId: 'another-subgroup', name: 'learning AND improvement' }))
        .thenThrows(SubgroupNameTaken, codeIs('subgroup-name-taken'));
    });

    it('refuses a subgroup id already established', () => {
      spec
        .given([registered(), subgroupEstablished()])
        .when(establishSubgroup({ subgroupId: SUBGROUP_ID, name: 'Case Review' }))
        .thenThrows(SubgroupAlreadyEstablished, codeIs('subgroup-already-established'));
    });

    it('refuses a subgroup with a blank name', () => {
      spec
        .given([registered()])
        .when(establishSubgroup({ name: '' }))
        .thenThrows(NameRequired);
    });

    it('publishes the first theme list as taxonomy version 1', () => {
      spec
        .given([registered()])
        .when(publishThemes({ themes: [' professional curiosity', 'information sharing '] }))
        .then([themesPublished()]);
    });

    it('publishes a later theme list as the next taxonomy version', () => {
      spec
        .given([registered(), themesPublished()])
        .when(publishThemes({ themes: ['professional curiosity', 'information sharing', 'early help'] }))
        .then([themesPublished({ taxonomyVersion: 2, themes: ['professional curiosity', 'information sharing', 'early help'] })]);
    });

    it('refuses an empty theme list', () => {
      spec
        .given([registered()])
        .when(publishThemes({ themes: [] }))
        .thenThrows(ThemesRequired, codeIs('themes-required'));
    });

    it('refuses a blank theme', () => {
      spec
        .given([registered()])
        .when(publishThemes({ themes: ['early help', '  '] }))
        .thenThrows(ThemesRequired);
    });

    it('refuses a theme listed twice, ignoring case', () => {
      spec
        .given([registered()])
        .when(publishThemes({ themes: ['Early help', 'early help'] }))
        .thenThrows(ThemeDuplicated, codeIs('theme-duplicated'));
    });
  });

  describe('evolve', () => {
    it('keeps agencies, subgroups and the latest theme list', () => {
      const state = stateAfter(partnershipDecider, [
        registered(),
        agencyAdded(),
        agencyAdded({ agencyId: POLICE_ID, name: 'Northshire Constabulary', kind: 'police' }),
        subgroupEstablished(),
        themesPublished(),
        themesPublished({ taxonomyVersion: 2, themes: ['neglect'] }),
      ]);
      expect(state).toEqual({
        status: 'registered',
        partnershipId: PARTNERSHIP_ID,
        name: 'Northshire Safeguarding Children Partnership',
        localAuthorities: ['Northshire County Council'],
        agencies: [
          { agencyId: COUNCIL_ID, name: 'Northshire County Council', kind: 'local-authority' },
          { agencyId: POLICE_ID, name: 'Northshire Constabulary', kind: 'police' },
        ],
        subgroups: [{ subgroupId: SUBGROUP_ID, name: 'Learning and Improvement' }],
        themes: ['neglect'],
        taxonomyVersion: 2,
      });
    });
  });
});
