import {
  Accordion,
  ActionIcon,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../../core/uuid.ts';
import type { Hours, Person, Place, Values } from './service-form.values.ts';

type ListProps = {
  values: Values;
  set: <K extends keyof Values>(key: K, value: Values[K]) => void;
  field: (path: string) => string | undefined;
};

/** Weekly hours, locations and contacts of a service: lists a person adds to and removes from. */
export function ServiceFormLists({ values, set, field }: ListProps) {
  const { t } = useTranslation();
  const errors = { field };
  const updateHours = (key: string, change: Partial<Hours>) =>
    set(
      'hours',
      values.hours.map((h) => (h.key === key ? { ...h, ...change } : h)),
    );
  const updatePlace = (id: string, change: Partial<Place>) =>
    set(
      'locations',
      values.locations.map((l) => (l.id === id ? { ...l, ...change } : l)),
    );
  const updatePerson = (key: string, change: Partial<Person>) =>
    set(
      'contacts',
      values.contacts.map((c) => (c.key === key ? { ...c, ...change } : c)),
    );

  return (
    <>
      <Accordion.Item value="hours">
        <Accordion.Control>{t('serviceForm.hours')}</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="sm">
            {values.hours.map((h, i) => (
              <Card key={h.key} withBorder padding="xs">
                <Stack gap="xs">
                  <Group align="flex-end" gap="xs" wrap="nowrap">
                    <NativeSelect
                      label={t('serviceForm.weekday')}
                      value={h.weekday}
                      onChange={(event) => updateHours(h.key, { weekday: event.currentTarget.value })}
                      data={[
                        { value: '', label: '—' },
                        ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`weekday.${d}`) })),
                      ]}
                      error={errors.field(`schedules.${i}.weekday`)}
                      style={{ flex: 1 }}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="xl"
                      aria-label={t('serviceForm.remove')}
                      onClick={() =>
                        set(
                          'hours',
                          values.hours.filter((x) => x.key !== h.key),
                        )
                      }
                    >
                      <IconTrash size={20} aria-hidden />
                    </ActionIcon>
                  </Group>
                  <SimpleGrid cols={2} spacing="xs">
                    <TextInput
                      type="time"
                      label={t('serviceForm.opensAt')}
                      value={h.opensAt}
                      onChange={(event) => updateHours(h.key, { opensAt: event.currentTarget.value })}
                      error={errors.field(`schedules.${i}.opensAt`)}
                    />
                    <TextInput
                      type="time"
                      label={t('serviceForm.closesAt')}
                      value={h.closesAt}
                      onChange={(event) => updateHours(h.key, { closesAt: event.currentTarget.value })}
                      error={errors.field(`schedules.${i}.closesAt`)}
                    />
                  </SimpleGrid>
                  <TextInput
                    label={t('serviceForm.hoursNote')}
                    value={h.description}
                    onChange={(event) => updateHours(h.key, { description: event.currentTarget.value })}
                    error={errors.field(`schedules.${i}.description`)}
                  />
                </Stack>
              </Card>
            ))}
            <Button
              variant="light"
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={() =>
                set('hours', [
                  ...values.hours,
                  {
                    key: uuidv7(),
                    weekday: '1',
                    opensAt: '09:00',
                    closesAt: '17:00',
                    description: '',
                    locationId: null,
                  },
                ])
              }
            >
              {t('serviceForm.addHours')}
            </Button>
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
      <Accordion.Item value="locations">
        <Accordion.Control>{t('serviceForm.locations')}</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="sm">
            {values.locations.map((l, i) => (
              <Card key={l.id} withBorder padding="xs">
                <Stack gap="xs">
                  <Group align="flex-end" gap="xs" wrap="nowrap">
                    <TextInput
                      label={t('serviceForm.locationName')}
                      value={l.name}
                      onChange={(event) => updatePlace(l.id, { name: event.currentTarget.value })}
                      style={{ flex: 1 }}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="xl"
                      aria-label={t('serviceForm.remove')}
                      onClick={() => {
                        set(
                          'locations',
                          values.locations.filter((x) => x.id !== l.id),
                        );
                        set(
                          'hours',
                          values.hours.map((h) => (h.locationId === l.id ? { ...h, locationId: null } : h)),
                        );
                      }}
                    >
                      <IconTrash size={20} aria-hidden />
                    </ActionIcon>
                  </Group>
                  <TextInput
                    label={t('serviceForm.address')}
                    value={l.address}
                    onChange={(event) => updatePlace(l.id, { address: event.currentTarget.value })}
                  />
                  <SimpleGrid cols={2} spacing="xs">
                    <TextInput
                      label={t('serviceForm.city')}
                      value={l.city}
                      onChange={(event) => updatePlace(l.id, { city: event.currentTarget.value })}
                    />
                    <TextInput
                      label={t('serviceForm.postalCode')}
                      value={l.postalCode}
                      onChange={(event) => updatePlace(l.id, { postalCode: event.currentTarget.value })}
                    />
                  </SimpleGrid>
                  <TextInput
                    label={t('serviceForm.accessibility')}
                    value={l.accessibility}
                    onChange={(event) => updatePlace(l.id, { accessibility: event.currentTarget.value })}
                  />
                  <TextInput
                    label={t('serviceForm.transportation')}
                    value={l.transportation}
                    onChange={(event) => updatePlace(l.id, { transportation: event.currentTarget.value })}
                  />
                  <SimpleGrid cols={2} spacing="xs">
                    <NumberInput
                      label={t('serviceForm.latitude')}
                      decimalScale={6}
                      min={-90}
                      max={90}
                      value={l.latitude ?? ''}
                      onChange={(value) => updatePlace(l.id, { latitude: value === '' ? null : Number(value) })}
                      error={errors.field(`locations.${i}.latitude`)}
                    />
                    <NumberInput
                      label={t('serviceForm.longitude')}
                      decimalScale={6}
                      min={-180}
                      max={180}
                      value={l.longitude ?? ''}
                      onChange={(value) => updatePlace(l.id, { longitude: value === '' ? null : Number(value) })}
                      error={errors.field(`locations.${i}.longitude`)}
                    />
                  </SimpleGrid>
                </Stack>
              </Card>
            ))}
            <Button
              variant="light"
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={() =>
                set('locations', [
                  ...values.locations,
                  {
                    id: uuidv7(),
                    name: '',
                    address: '',
                    city: '',
                    postalCode: '',
                    accessibility: '',
                    transportation: '',
                    latitude: null,
                    longitude: null,
                  },
                ])
              }
            >
              {t('serviceForm.addLocation')}
            </Button>
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
      <Accordion.Item value="contacts">
        <Accordion.Control>{t('serviceForm.contacts')}</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="sm">
            {values.contacts.map((c, i) => (
              <Card key={c.key} withBorder padding="xs">
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                  <TextInput
                    label={t('serviceForm.contactName')}
                    value={c.name}
                    onChange={(event) => updatePerson(c.key, { name: event.currentTarget.value })}
                  />
                  <TextInput
                    label={t('serviceForm.contactTitle')}
                    value={c.title}
                    onChange={(event) => updatePerson(c.key, { title: event.currentTarget.value })}
                  />
                  <TextInput
                    label={t('serviceForm.phone')}
                    type="tel"
                    value={c.phone}
                    onChange={(event) => updatePerson(c.key, { phone: event.currentTarget.value })}
                    error={errors.field(`contacts.${i}.phone`)}
                  />
                  <TextInput
                    label={t('serviceForm.email')}
                    type="email"
                    value={c.email}
                    onChange={(event) => updatePerson(c.key, { email: event.currentTarget.value })}
                    error={errors.field(`contacts.${i}.email`)}
                  />
                </SimpleGrid>
                <Button
                  mt="xs"
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  onClick={() =>
                    set(
                      'contacts',
                      values.contacts.filter((x) => x.key !== c.key),
                    )
                  }
                >
                  {t('serviceForm.remove')}
                </Button>
              </Card>
            ))}
            <Button
              variant="light"
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={() =>
                set('contacts', [...values.contacts, { key: uuidv7(), name: '', title: '', phone: '', email: '' }])
              }
            >
              {t('serviceForm.addContact')}
            </Button>
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </>
  );
}
