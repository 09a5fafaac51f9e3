import { Link } from 'react-router-dom';

/** The evaluator's page of a device, where it is reviewed and its certification followed. */
export const devicePath = (id: string): string => `/evaluator/device/${encodeURIComponent(id)}`;

/** A device's name, as the link to its page (the lists' first column). */
export function DeviceLink({ device }: { device: { id: string; name: string } }) {
  return <Link to={devicePath(device.id)}>{device.name}</Link>;
}
