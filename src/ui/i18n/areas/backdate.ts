/** The quick log's explicit back-dating: a call entered later, for an earlier time, marked as such. */
export const koBackdate = {
  toggle: '지난 시각으로 적기 (나중에 적는 콜)',
  hint: '켜면 아래 시각으로 기록하고, 신고서에 「나중에 입력한 기록」으로 표시돼요. 평소에는 꺼 두세요: 누른 그 시각이 가장 강한 증거예요.',
  when: '콜을 받은 시각 (한국 시간)',
  invalid: '콜을 받은 시각을 골라 주세요.',
  future: '지금보다 뒤의 시각은 적을 수 없어요.',
  logged: '{{channel}} 콜을 {{time}}에 받은 것으로 나중에 적었어요 (나중에 입력한 기록).',
};

export const enBackdate: typeof koBackdate = {
  toggle: 'Enter for an earlier time (a call logged later)',
  hint: 'When on, calls go in at the time below and the claim shows them as entered later. Keep it off normally: the moment you tap is the strongest evidence.',
  when: 'Time of the call (Korea time)',
  invalid: 'Please choose the time of the call.',
  future: 'A time after now cannot be entered.',
  logged: 'Logged later: a {{channel}} call at {{time}} (entered later).',
};
