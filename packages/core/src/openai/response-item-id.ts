/**
 * The id of output item `index` of a response (`msg_…`, `fc_…`, `rs_…`): the response id's
 * random part with the index, so a response's items have stable, unique ids (a client may send
 * them back as `item_reference`s) without another random number per item.
 */
export function responseItemId(prefix: 'msg' | 'fc' | 'rs', responseId: string, index: number): string {
  return `${prefix}_${responseId.replace(/^resp_/, '')}${index.toString(16).padStart(2, '0')}`;
}
