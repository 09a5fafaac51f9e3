import { PrescriptionRequestDto } from '../../evaluation/prescription.request.dto';

/** `POST /v1/prescriptions/evaluation`: the body of the prescription it would issue. */
export class EvaluatePrescriptionRequestDto extends PrescriptionRequestDto {}
