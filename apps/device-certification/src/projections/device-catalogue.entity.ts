import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeviceStatus } from '../domain/device-product';
import type { DeviceView } from './device-view';

@Entity({ name: 'device_catalogue' })
export class DeviceCatalogueRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') status!: DeviceStatus;
  @Column('integer') version!: number;
  @Column({ name: 'manufacturer_siret', type: 'char', length: 14 }) manufacturerSiret!: string;
  @Column('text', { array: true }) indications!: string[];
  @Column({ name: 'certified_indications', type: 'text', array: true }) certifiedIndications!: string[];
  @Column({ name: 'valid_until', type: 'timestamptz', nullable: true }) validUntil!: Date | null;
  @Column('jsonb') resource!: DeviceView;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
