import type { PartitionMetadata } from 'kafkajs';
import { topicsWithoutLeaders } from './partition-leaders';

const partition = (partitionId: number, leader: number, partitionErrorCode = 0): PartitionMetadata => ({
  partitionId,
  leader,
  partitionErrorCode,
  replicas: leader < 0 ? [] : [leader],
  isr: leader < 0 ? [] : [leader],
});

describe('topicsWithoutLeaders', () => {
  it('finds nothing to wait for when every partition of every topic has a leader', () => {
    const metadata = [
      { name: 'a.v1', partitions: [partition(0, 1), partition(1, 1), partition(2, 1)] },
      { name: 'b.v1', partitions: [partition(0, 1)] },
    ];
    expect(topicsWithoutLeaders(metadata, ['a.v1', 'b.v1', 'a.v1'])).toEqual([]);
  });

  it('names the partitions without a leader, and those the broker answers with an error', () => {
    const metadata = [{ name: 'a.v1', partitions: [partition(2, -1), partition(0, 1), partition(1, 1, 5)] }];
    expect(topicsWithoutLeaders(metadata, ['a.v1'])).toEqual(['a.v1: partitions 1, 2 without a leader']);
  });

  it('names a topic the broker does not know yet, or knows without partitions', () => {
    const metadata = [{ name: 'b.v1', partitions: [] }];
    expect(topicsWithoutLeaders(metadata, ['a.v1', 'b.v1'])).toEqual(['a.v1: unknown to the broker yet', 'b.v1: no partitions yet']);
  });
});
