import { PrescriptionRequestDto } from '../../evaluation/prescription.request.dto';

/** `POST /v1/prescriptions`: the same body the dry run evaluates. */
export class IssuePrescriptionRequestDto extends PrescriptionRequestDto {}
