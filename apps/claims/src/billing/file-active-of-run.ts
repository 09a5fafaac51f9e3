import { Inject, Injectable } from '@nestjs/common';
import type { DeviceFacts } from '../domain/billing/billing-facts';
import type { Period } from '../domain/billing/period';
import { fileActiveOf, previousSemester, semesterOf } from '../domain/file-active/semester';
import { tariffInForce, technicalTranche, type TariffTable } from '../domain/tariffs/tariff-table';
import { FileActiveRepository } from '../projections/file-active.repository';
import { TARIFF_TABLE } from '../tariffs/tariff-table.token';

/** The file active a claim's technical line is priced with. */
export type FileActiveUsed = { semester: string; patients: number };

/** One billing run's memory of the file actives it used: each (exploitant, LPP code, semester) read or frozen once. */
export type FileActiveCache = Map<string, Promise<FileActiveUsed>>;

/**
 * The file active of (exploitant, LPP code) for a period's semester: the one
 * frozen at the semester's first billing run, else computed now from the
 * claims of the previous semester's six months (distinct patients a month,
 * averaged) and frozen with the tranche it gives. Two runs at once agree on
 * the first frozen. A device with no LPP code, or a period with no tariff,
 * prices nothing: validation rejects such a claim (TARIFF_MISMATCH).
 */
@Injectable()
export class FileActiveOfRun {
  constructor(
    private readonly fileActive: FileActiveRepository,
    @Inject(TARIFF_TABLE) private readonly tariffs: TariffTable,
  ) {}

  of(device: DeviceFacts | null, period: Period, now: Date, cache: FileActiveCache): Promise<FileActiveUsed> {
    const semester = semesterOf(period);
    const version = tariffInForce(this.tariffs, period);
    if (!device?.lppCode || !version) return Promise.resolve({ semester: semester.id, patients: 0 });
    const key = `${device.exploitant.siret}|${device.lppCode}|${semester.id}`;
    let used = cache.get(key);
    if (!used) {
      used = this.frozenOrFreeze(device.exploitant.siret, device.lppCode, semester.id, version.version, now, (patients) => technicalTranche(version, patients));
      // A failure is not remembered: the next claim (or the retried job) asks again.
      used.catch(() => cache.delete(key));
      cache.set(key, used);
    }
    return used;
  }

  private async frozenOrFreeze(
    exploitant: string,
    lppCode: string,
    semesterId: string,
    tariffVersion: string,
    now: Date,
    trancheOf: (patients: number) => { fromPatients: number; amountCents: number },
  ): Promise<FileActiveUsed> {
    const frozen = await this.fileActive.frozen(exploitant, lppCode, semesterId);
    if (frozen) return { semester: semesterId, patients: frozen.patients };
    const { months } = previousSemester(semesterOf(semesterId));
    const counts = await this.fileActive.monthlyPatients(exploitant, lppCode, months);
    const patients = fileActiveOf(counts);
    const row = await this.fileActive.freeze({
      exploitant,
      lppCode,
      semester: semesterId,
      patients,
      monthly: months.map((period, i) => ({ period, patients: counts[i] })),
      tranche: trancheOf(patients),
      tariffVersion,
      frozenAt: now.toISOString(),
    });
    return { semester: semesterId, patients: row.patients };
  }
}
