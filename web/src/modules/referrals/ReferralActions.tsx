import {
  Button,
  Card,
  Chip,
  Group,
  NativeSelect,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../../core/contracts/referrals.ts';
import {
  type ReferralFailureReason,
  type ReferralStatus,
  referralFailureReasons,
  referralTransitions,
  statusNeedsReason,
} from '../../../../core/referrals.ts';
import { ApiError } from '../../api/errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { wrappingButton } from '../../ui/wrapping-button.ts';
import { localDay } from '../fieldwork/data.ts';
import { addNote, changeStatus, recordCheckBack } from './actions.ts';
import { referralQuery } from './data.ts';

type Move = Exclude<ReferralStatus, 'expired' | 'proposed'>;

/** The moves core/referrals.ts allows from here (never back to proposed, never to expired by hand). */
function nextMoves(status: ReferralStatus): Move[] {
  return referralTransitions[status].filter((to): to is Move => to !== 'expired' && to !== 'proposed');
}

/** Runs one write; a stale version reloads the referral so the worker sees what changed. */
function useWrite(referralId: string) {
  const { i18n, t } = useTranslation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const run = async (write: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await write();
      return true;
    } catch (caught) {
      setError(
        caught instanceof ApiError
          ? caught.messageIn(i18n.language === 'en' ? 'en' : 'fr')
          : t('common.unexpectedError'),
      );
      if (caught instanceof ApiError && caught.status === 409)
        void queryClient.invalidateQueries({ queryKey: referralQuery(referralId).queryKey });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function Panel({ title, help, children }: { title: string; help?: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={titleId}>
      <Title order={2} fz="lg" mb={help ? 2 : 'sm'} id={titleId}>
        {title}
      </Title>
      {help ? (
        <Text fz="sm" c="dimmed" mb="sm">
          {help}
        </Text>
      ) : null}
      {children}
    </Card>
  );
}

function ReasonChips({
  value,
  onChange,
  missing,
}: {
  value: ReferralFailureReason | null;
  onChange: (reason: ReferralFailureReason) => void;
  missing: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text fw={600}>{t('referrals.reason')}</Text>
      <Chip.Group value={value} onChange={(reason) => onChange(reason as ReferralFailureReason)}>
        <Group gap={8} role="radiogroup" aria-label={t('referrals.reason')}>
          {referralFailureReasons.map((reason) => (
            <Chip key={reason} value={reason} size="md">
              {t(`failureReason.${reason}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {missing ? (
        <Text c="red.8" fz="sm" role="alert">
          {t('referrals.reasonMissing')}
        </Text>
      ) : null}
    </Stack>
  );
}

/** "Où en est-elle ?": one button per allowed move; a failure or refusal asks why. */
export function MovePanel({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const moves = nextMoves(referral.status);
  const [chosen, setChosen] = useState<Move | null>(null);
  const [reason, setReason] = useState<ReferralFailureReason | null>(null);
  const [note, setNote] = useState('');
  const [fromPartner, setFromPartner] = useState(false);
  const [missing, setMissing] = useState(false);
  const write = useWrite(referral.id);

  const reset = () => {
    setChosen(null);
    setReason(null);
    setNote('');
    setFromPartner(false);
    setMissing(false);
  };
  const confirm = async () => {
    if (!chosen) return;
    if (statusNeedsReason(chosen) && !reason) {
      setMissing(true);
      return;
    }
    const done = await write.run(() =>
      changeStatus(referral, {
        status: chosen,
        reason: statusNeedsReason(chosen) ? (reason ?? undefined) : undefined,
        note: note.trim() || undefined,
        fromPartner,
      }),
    );
    if (done) reset();
  };

  return (
    <Panel title={t('referrals.whereNow')}>
      {moves.length === 0 ? <Text c="dimmed">{t('referrals.noMove')}</Text> : null}
      {chosen ? (
        <Stack gap="sm">
          {statusNeedsReason(chosen) ? (
            <ReasonChips value={reason} onChange={setReason} missing={missing && !reason} />
          ) : null}
          <Textarea
            label={t('referrals.moveNote')}
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <Switch
            label={t('referrals.fromPartner')}
            checked={fromPartner}
            onChange={(event) => setFromPartner(event.currentTarget.checked)}
          />
          <FormAlert message={write.error} />
          <Group gap="sm">
            <Button size="md" onClick={() => void confirm()} loading={write.busy} styles={wrappingButton}>
              {t('referrals.confirmMove', { status: t(`referralStatus.${chosen}`) })}
            </Button>
            <Button size="md" variant="default" onClick={reset}>
              {t('referrals.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="xs">
          {moves.map((move) => (
            <Button
              key={move}
              size="md"
              variant={move === 'connected' ? 'filled' : 'default'}
              color={move === 'failed' || move === 'refused' ? 'red.8' : undefined}
              onClick={() => setChosen(move)}
              styles={wrappingButton}
            >
              {t(`referralMove.${move}`)}
            </Button>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

/** What a partner who does not use Relais said: a move, or their words only. */
export function PartnerPanel({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const moves = nextMoves(referral.status);
  const [open, setOpen] = useState(false);
  const [answer, setAnswer] = useState<Move | 'none'>('none');
  const [reason, setReason] = useState<ReferralFailureReason | null>(null);
  const [words, setWords] = useState('');
  const [on, setOn] = useState(localDay());
  const [missing, setMissing] = useState<{ reason?: boolean; words?: boolean }>({});
  const write = useWrite(referral.id);

  const reset = () => {
    setOpen(false);
    setAnswer('none');
    setReason(null);
    setWords('');
    setOn(localDay());
    setMissing({});
  };
  // The partner called today (now) or another day (noon of that day, the worker's time).
  const occurredAt = () => (on && on !== localDay() ? new Date(`${on}T12:00:00`).toISOString() : undefined);
  const save = async () => {
    const lacking = {
      reason: answer !== 'none' && statusNeedsReason(answer) && !reason,
      words: answer === 'none' && !words.trim(),
    };
    setMissing(lacking);
    if (lacking.reason || lacking.words) return;
    const note = words.trim() || undefined;
    const done = await write.run(() =>
      answer === 'none'
        ? addNote(referral, { note: note ?? '', fromPartner: true, occurredAt: occurredAt() })
        : changeStatus(referral, {
            status: answer,
            reason: statusNeedsReason(answer) ? (reason ?? undefined) : undefined,
            note,
            fromPartner: true,
            occurredAt: occurredAt(),
          }),
    );
    if (done) reset();
  };

  return (
    <Panel title={t('referrals.partnerAnswer')} help={t('referrals.partnerAnswerHelp')}>
      {open ? (
        <Stack gap="sm">
          <NativeSelect
            label={t('referrals.partnerSays')}
            size="md"
            value={answer}
            onChange={(event) => setAnswer(event.currentTarget.value as Move | 'none')}
            data={[
              { value: 'none', label: t('referrals.partnerNoChange') },
              ...moves.map((move) => ({ value: move, label: t(`referralStatus.${move}`) })),
            ]}
          />
          {answer !== 'none' && statusNeedsReason(answer) ? (
            <ReasonChips value={reason} onChange={setReason} missing={Boolean(missing.reason && !reason)} />
          ) : null}
          <Textarea
            label={t('referrals.partnerWords')}
            autosize
            minRows={2}
            maxLength={2000}
            value={words}
            error={missing.words && !words.trim() ? t('referrals.partnerWordsMissing') : undefined}
            onChange={(event) => setWords(event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('referrals.partnerWhen')}
            value={on}
            max={localDay()}
            onChange={(event) => setOn(event.currentTarget.value)}
            maw={240}
          />
          <FormAlert message={write.error} />
          <Group gap="sm">
            <Button size="md" onClick={() => void save()} loading={write.busy}>
              {t('referrals.saveAnswer')}
            </Button>
            <Button size="md" variant="default" onClick={reset}>
              {t('referrals.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Button size="md" variant="light" fullWidth onClick={() => setOpen(true)} styles={wrappingButton}>
          {t('referrals.partnerAnswerButton')}
        </Button>
      )}
    </Panel>
  );
}

/** "J'ai fait un suivi": news asked, nothing decided; the check-back leaves the day. */
export function CheckBackPanel({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const write = useWrite(referral.id);
  if (!(['proposed', 'sent', 'accepted'] as ReferralStatus[]).includes(referral.status)) return null;
  const save = async () => {
    const done = await write.run(() => recordCheckBack(referral, { note: note.trim() || undefined }));
    if (done) {
      setOpen(false);
      setNote('');
    }
  };
  return (
    <Panel title={t('referrals.checkBack')} help={t('referrals.checkBackHelp')}>
      {open ? (
        <Stack gap="sm">
          <Textarea
            label={t('referrals.checkBackNote')}
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <FormAlert message={write.error} />
          <Group gap="sm">
            <Button size="md" onClick={() => void save()} loading={write.busy}>
              {t('referrals.saveCheckBack')}
            </Button>
            <Button size="md" variant="default" onClick={() => setOpen(false)}>
              {t('referrals.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Button size="md" variant="light" fullWidth onClick={() => setOpen(true)} styles={wrappingButton}>
          {t('referrals.checkBackButton')}
        </Button>
      )}
    </Panel>
  );
}

export function NotePanel({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const write = useWrite(referral.id);
  const save = async () => {
    if (!note.trim()) return;
    if (await write.run(() => addNote(referral, { note: note.trim() }))) setNote('');
  };
  return (
    <Stack gap="xs" component="section">
      <Textarea
        label={t('referrals.addNote')}
        autosize
        minRows={2}
        maxLength={2000}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
      />
      <FormAlert message={write.error} />
      <Button
        variant="default"
        onClick={() => void save()}
        loading={write.busy}
        disabled={!note.trim()}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('referrals.saveNote')}
      </Button>
    </Stack>
  );
}
