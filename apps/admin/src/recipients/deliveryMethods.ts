import { DELIVERY_METHODS, type DeliveryMethod } from '@dsyb/contracts';

/** 下载链接 / 电子邮件 / 纸质, for a select input. */
export const deliveryMethodChoices = DELIVERY_METHODS.map(method => ({ id: method, name: `app.recipients.method.${method}` }));

export const deliveryMethodKey = (method: DeliveryMethod) => `app.recipients.method.${method}`;
