/** Stage "4. Direct loss", the items: each direct item rounded once; D = LP + sum(direct items). */
import type { Claim } from '../../model/claim';
import { roundWon, sumWon, type Won } from '../../model/money';
import type { DirectItemFigure } from '../types';

export interface DirectItemsStage {
  directItems: DirectItemFigure[];
  directTotal: Won;
}

export function directItemsStage(items: Claim['directItems'], lostProfit: Won): DirectItemsStage {
  const directItems = items.map((item) => ({
    id: item.id,
    category: item.category,
    description: item.description,
    amount: roundWon(item.amount),
    evidenceIds: item.evidenceIds,
  }));
  return { directItems, directTotal: sumWon([lostProfit, ...directItems.map((i) => i.amount)]) };
}
