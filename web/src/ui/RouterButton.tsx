import { Button, type ButtonProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';

type ButtonElementProps = ButtonProps & AnchorHTMLAttributes<HTMLAnchorElement> & { ref?: Ref<HTMLAnchorElement> };

function ButtonElement(props: ButtonElementProps) {
  return <Button component="a" {...props} />;
}

const LinkedButton = createLink(ButtonElement);

/** A Mantine button that is a link the router types (`to`, `params`, `search` checked). */
export const RouterButton: LinkComponent<typeof ButtonElement> = (props) => <LinkedButton {...props} />;
