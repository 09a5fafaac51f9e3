import type { Actor } from '@app/contracts';
import { Query } from '@nestjs/cqrs';
import type { DeviceViewer } from '../../domain/device-visibility';

export interface DeviceHistoryItem {
  type: string;
  version: number;
  occurredAt: string;
  actor: Actor;
  data: Record<string, unknown>;
}

export class DeviceHistoryQuery extends Query<{ items: DeviceHistoryItem[] }> {
  constructor(
    readonly deviceId: string,
    readonly viewer: DeviceViewer,
  ) {
    super();
  }
}
