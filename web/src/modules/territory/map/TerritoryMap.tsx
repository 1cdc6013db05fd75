import { Alert, Box } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { Component, lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePublicSettings } from '../../../api/session.ts';
import type { TerritoryMapProps } from './layers.ts';
import { webglAvailable } from './webgl.ts';

// MapLibre weighs about 280 kB gzipped: fetched only when a map is on screen, never on first load.
const MapView = lazy(() => import('./MapView.tsx'));

/** A map chunk that cannot be fetched (offline, new version deployed) must not take the page down. */
class MapBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * The territory map, or — when this browser cannot draw WebGL — a short message; every page that
 * shows a map also lists what it shows, so nothing is lost without it.
 */
export function TerritoryMap(props: TerritoryMapProps) {
  const { t } = useTranslation();
  const basemapUrl = usePublicSettings()?.basemapUrl ?? null;
  const [failed, setFailed] = useState(false);
  const height = props.height ?? 360;
  const unavailable = (
    <Alert color="gray" variant="light" icon={<IconMapOff aria-hidden />} data-testid="map-unavailable">
      {t('territory.map.unavailable')}
    </Alert>
  );
  if (failed || !webglAvailable()) return unavailable;
  return (
    <MapBoundary fallback={unavailable}>
      <Suspense fallback={<Box h={height} bg="gray.1" style={{ borderRadius: 8 }} aria-busy="true" />}>
        <MapView
          {...props}
          height={height}
          basemapUrl={basemapUrl}
          controlLabels={{ zoomIn: t('territory.map.zoomIn'), zoomOut: t('territory.map.zoomOut') }}
          onFailure={() => setFailed(true)}
        />
      </Suspense>
    </MapBoundary>
  );
}
