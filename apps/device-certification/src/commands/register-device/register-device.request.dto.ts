import { DeviceProductRequestDto } from '../device-product.request.dto';

/** `POST /v1/devices`: the product as its vendor declares it. */
export class RegisterDeviceRequestDto extends DeviceProductRequestDto {}
