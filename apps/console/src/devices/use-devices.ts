import { useMemo } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../auth/session';
import { type DeviceApi, deviceApi, DEVICE_KEYS } from './device-api';
import type { DeviceView } from './device-view';

export function useDeviceApi(): DeviceApi {
  const api = useApi();
  return useMemo(() => deviceApi(api), [api]);
}

/** One device as its page shows it. */
export function useDevice(id: string) {
  const devices = useDeviceApi();
  return useQuery({ queryKey: DEVICE_KEYS.device(id), queryFn: () => devices.get(id) });
}

/** Its events, the review's timeline. */
export function useDeviceHistory(id: string) {
  const devices = useDeviceApi();
  return useQuery({ queryKey: DEVICE_KEYS.history(id), queryFn: async () => (await devices.history(id)).items });
}

/**
 * A write on a device: the device it answers is shown at once, then its
 * history and the lists are read again (another status, another event).
 */
export function useDeviceWrite<Vars>(write: (vars: Vars) => Promise<DeviceView>, onDone?: (device: DeviceView) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async (device) => {
      queryClient.setQueryData(DEVICE_KEYS.device(device.id), device);
      await queryClient.invalidateQueries({ queryKey: DEVICE_KEYS.all });
      onDone?.(device);
    },
  });
}
