import { Card, type CardProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';

type CardElementProps = CardProps & AnchorHTMLAttributes<HTMLAnchorElement> & { ref?: Ref<HTMLAnchorElement> };

function CardElement({ style, ...props }: CardElementProps) {
  return <Card component="a" style={{ textDecoration: 'none', color: 'inherit', ...style }} {...props} />;
}

/** A whole card that is a link to a page of the app: one big target on a phone. */
export const CardLink = createLink(CardElement);
