import { Anchor, type AnchorProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';

type AnchorElementProps = Omit<AnchorProps, 'href'> &
  AnchorHTMLAttributes<HTMLAnchorElement> & { ref?: Ref<HTMLAnchorElement> };

function AnchorElement(props: AnchorElementProps) {
  return <Anchor component="a" {...props} />;
}

const LinkedAnchor = createLink(AnchorElement);

/** A Mantine link that the router types: `to` and `params` are checked against the routes. */
export const RouterAnchor: LinkComponent<typeof AnchorElement> = (props) => <LinkedAnchor {...props} />;
