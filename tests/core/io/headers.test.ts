import { describe, expect, it } from 'vitest';
import { guessMapping, normaliseHeader } from '../../../src/core/io';

describe('header recognition', () => {
  it.each([
    [['일자', '시간', '건수', '매출액', '채널'], { date: '일자', hour: '시간', count: '건수', revenue: '매출액', channel: '채널' }],
    [['날짜', '시간대', '주문수', '금액', '주문경로'], { date: '날짜', hour: '시간대', count: '주문수', revenue: '금액', channel: '주문경로' }],
    [['거래일자', '승인시간', '콜수', '결제금액', '결제수단'], { date: '거래일자', hour: '승인시간', count: '콜수', revenue: '결제금액', channel: '결제수단' }],
    [['운행일자', '시각', '운행건수', '운임', '앱'], { date: '운행일자', hour: '시각', count: '운행건수', revenue: '운임', channel: '앱' }],
    [['운행일시', '출발지', '도착지', '요금', '앱'], { datetime: '운행일시', revenue: '요금', channel: '앱' }],
    [['거래일시', '합계'], { datetime: '거래일시', revenue: '합계' }],
    [['승인일시', '매출'], { datetime: '승인일시', revenue: '매출' }],
    [['Date', 'Hour', 'Orders', 'Sales', 'Channel'], { date: 'Date', hour: 'Hour', count: 'Orders', revenue: 'Sales', channel: 'Channel' }],
    [['date', 'time', 'calls', 'amount'], { date: 'date', hour: 'time', count: 'calls', revenue: 'amount' }],
    [['승인일자', '승인건수', '승인금액', '취소건수', '취소금액'], { date: '승인일자', count: '승인건수', revenue: '승인금액', cancelCount: '취소건수', cancelAmount: '취소금액' }],
    [['일시', 'count', 'revenue'], { datetime: '일시', count: 'count', revenue: 'revenue' }],
  ])('%j', (headers, expected) => {
    expect({ ...guessMapping(headers) }).toEqual(expected);
  });

  it('ignores units in brackets, spaces, case and a BOM', () => {
    expect(normaliseHeader('\uFEFF 매출액(원) ')).toBe('매출액');
    expect(normaliseHeader('승인 금액 [KRW]')).toBe('승인금액');
    expect({ ...guessMapping(['일 자', '매출액(원)', '건수(건)']) }).toEqual({ date: '일 자', revenue: '매출액(원)', count: '건수(건)' });
  });

  it('prefers the specific amount over a 합계 column, whichever comes first', () => {
    expect(guessMapping(['일자', '합계', '매출액', '건수']).revenue).toBe('매출액');
  });

  it('gives a header one role and leaves unknown headers alone, __proto__ included', () => {
    const mapping = guessMapping(['__proto__', 'constructor', '일자', '건수']);
    expect({ ...mapping }).toEqual({ date: '일자', count: '건수' });
    expect(Object.getPrototypeOf(mapping)).toBeNull();
    expect(({} as Record<string, unknown>).date).toBeUndefined();
  });
});
