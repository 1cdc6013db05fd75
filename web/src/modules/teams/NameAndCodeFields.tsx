import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codeFromName } from '../../ui/format.ts';

/** A name and its code; the code follows the name until someone types their own. */
export function useNameAndCode(existing?: { name: string; code: string }) {
  const [name, setName] = useState(existing?.name ?? '');
  const [code, setCode] = useState(existing?.code ?? '');
  const [codeTouched, setCodeTouched] = useState(Boolean(existing));
  return {
    name,
    code,
    changeName(next: string) {
      setName(next);
      if (!codeTouched) setCode(codeFromName(next));
    },
    changeCode(next: string) {
      setCode(next);
      setCodeTouched(true);
    },
  };
}

type Props = {
  value: ReturnType<typeof useNameAndCode>;
  nameDescription?: string;
  errorFor: (field: 'name' | 'code') => string | undefined;
};

export function NameAndCodeFields({ value, nameDescription, errorFor }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('fields.name')}
        description={nameDescription}
        value={value.name}
        onChange={(event) => value.changeName(event.currentTarget.value)}
        error={errorFor('name')}
        required
        data-autofocus
      />
      <TextInput
        label={t('fields.code')}
        description={t('fields.codeHelp')}
        value={value.code}
        onChange={(event) => value.changeCode(event.currentTarget.value)}
        autoCapitalize="none"
        spellCheck={false}
        error={errorFor('code')}
        required
      />
    </>
  );
}
