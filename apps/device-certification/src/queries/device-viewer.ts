import type { Principal } from '@app/auth';

/** What the visibility rule needs of the caller. */
export interface DeviceViewer {
  role: string;
  org?: string;
}

export const viewerOf = (principal: Principal): DeviceViewer => ({ role: principal.role, org: principal.org });
