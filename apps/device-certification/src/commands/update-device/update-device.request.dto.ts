import { DeviceProductRequestDto } from '../device-product.request.dto';

/** `PUT /v1/devices/:id`: the whole product again, as for its registration. */
export class UpdateDeviceRequestDto extends DeviceProductRequestDto {}
