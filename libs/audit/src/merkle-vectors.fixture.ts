import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The shared vectors live beside the repository (../shared), not in it: CI
 * clones the repo next to shared/, so resolve from the repo root's parent.
 * Test-only; not exported from the lib.
 */
export const MERKLE_VECTORS_PATH = path.resolve(__dirname, '../../../../shared/testdata/merkle-vectors.json');

export interface MerkleVectors {
  leaves: string[];
  leafHashes: string[];
  emptyRoot: string;
  roots: Record<string, string>;
  inclusion: Array<{ leafIndex: number; treeSize: number; path: string[] }>;
  consistency: Array<{ from: number; to: number; path: string[] }>;
}

export function loadMerkleVectors(): MerkleVectors {
  return JSON.parse(readFileSync(MERKLE_VECTORS_PATH, 'utf8')) as MerkleVectors;
}
