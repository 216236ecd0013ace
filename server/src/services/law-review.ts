/**
 * Reviewing links to the law after the law changed (queries/law-review.ts says when a link is
 * suspect): confirm that a link still holds, move it to another provision, or retire it. Each
 * takes the version of the link the editor read, locks the link's start node, then reads the
 * link again (CONFLICT when it has changed since), and records the change in the history in the
 * same transaction. A link that ends gets `validTo` beside `retiredAt`, and the link a move makes
 * gets `validFrom`: the days questions asked as at a date read (queries/as-at.ts).
 */
import type { Gateway, Tx } from '../db/gateway.ts';
import { ExpectedError } from '../errors.ts';
import type { GraphEdge } from '../generated/graphql.ts';
import { findLink, recordChange, writeLink } from '../queries/edit.ts';
import { actOf, affectingActs, type LawEffect, readLink, setReview } from '../queries/law-review.ts';
import { checkLinkVersion, lockNode } from '../queries/versions.ts';
import type { User } from '../user.ts';

const TYPE = 'GIVES_EFFECT_TO';

const bad = (field: string, message: string) => new ExpectedError('BAD_USER_INPUT', `${field}: ${message}`, { field });

/** The link from `from` to `to` at `version`, read under the lock on its start node, with the effects that make it suspect. */
async function lockLink(tx: Tx, from: string, to: string, version: number) {
  if (!(await lockNode(tx, from))) throw new ExpectedError('NOT_FOUND', `from: no node has the id ${from}.`, { field: 'from' });
  const link = await readLink(tx, from, to);
  await checkLinkVersion(tx, { from, type: TYPE, to }, link?.props ?? null, version, 'version');
  if (!link) throw new ExpectedError('NOT_FOUND', `There is no ${TYPE} link from ${from} to ${to}.`, { field: 'to' });
  if (link.props.retiredAt) throw bad('to', `the ${TYPE} link from ${from} to ${to} was retired at ${String(link.props.retiredAt)}`);
  return link;
}

/** "repealed by the Health Act 2030 s. 5, in force 2030-01-01". */
const describeEffect = (effect: LawEffect) =>
  `${effect.type}${effect.affectingTitle ? ` by the ${effect.affectingTitle}` : ''}${effect.affectingProvisions ? ` ${effect.affectingProvisions}` : ''}${effect.date ? ` (${effect.date})` : ''}`;

/**
 * Confirms that the link still holds after the effects named (each must be one that makes it
 * suspect): it is stamped as reviewed by the editor now, and those effects never make it
 * suspect again; a later effect does.
 */
export async function confirmLink(
  gateway: Gateway,
  user: User,
  input: { from: string; to: string; version: number; effectIds: readonly string[]; why?: string | null },
): Promise<GraphEdge> {
  if (!input.effectIds.length) throw bad('effectIds', 'name the effects you reviewed the link against');
  return gateway.writeTransaction(async (tx) => {
    const link = await lockLink(tx, input.from, input.to, input.version);
    const suspect = new Map(link.effects.map((effect) => [effect.id, effect]));
    const unknown = input.effectIds.filter((id) => !suspect.has(id));
    if (unknown.length)
      throw bad('effectIds', `${unknown.join(', ')} ${unknown.length === 1 ? 'is not an effect' : 'are not effects'} that this link awaits review for`);
    const at = new Date().toISOString();
    const reviewed = [...new Set([...((link.props.reviewedEffectIds as string[] | undefined) ?? []), ...input.effectIds])];
    const edge = await setReview(tx, input.from, input.to, { reviewedAt: at, reviewedBy: user.name, reviewedEffectIds: reviewed }, { by: user.name, at });
    await recordChange(
      tx,
      user,
      {
        operation: 'CONFIRM_LINK',
        subjectId: input.from,
        objectId: input.to,
        linkType: TYPE,
        summary: `Confirmed that “${link.from.title}” still gives effect to “${link.to.title}” after it was ${input.effectIds.map((id) => describeEffect(suspect.get(id)!)).join('; ')}.`,
        why: input.why ?? null,
        before: link.props,
        after: { reviewedAt: at, reviewedBy: user.name, reviewedEffectIds: reviewed },
      },
      at,
    );
    return edge;
  }, 'lawReview.confirmLink');
}

/**
 * Moves the link to another provision (or the Act itself) of the same Act or of an Act whose
 * effects touched its target: the new link is CURATED with the rationale given, and the old one
 * is retired, naming the new target.
 */
export async function moveLink(
  gateway: Gateway,
  user: User,
  input: { from: string; to: string; version: number; newTo: string; rationale: string },
): Promise<GraphEdge> {
  const rationale = input.rationale.trim();
  if (!rationale) throw bad('rationale', 'say why the link moves');
  if (input.newTo === input.to) throw bad('newTo', 'the link already points there');
  return gateway.writeTransaction(async (tx) => {
    const link = await lockLink(tx, input.from, input.to, input.version);
    const target = await actOf(tx, input.newTo);
    if (!target) throw new ExpectedError('NOT_FOUND', `newTo: no node has the id ${input.newTo}.`, { field: 'newTo' });
    if (target.node.label !== 'Provision' && target.node.label !== 'Authority')
      throw bad('newTo', `${input.newTo} is a ${target.node.label}, not a provision or an Act`);
    const changedBy = await affectingActs(tx, input.to);
    const sameAct = target.actId !== null && target.actId === (link.actId ?? (link.to.label === 'Authority' ? link.to.id : null));
    const affecting = target.actLegislationId !== null && changedBy.includes(target.actLegislationId);
    if (!sameAct && !affecting) throw bad('newTo', `${input.newTo} belongs neither to the Act of ${input.to} nor to an Act that changed it`);
    const existing = await findLink(tx, input.from, TYPE, input.newTo);
    if (existing && !existing.props.retiredAt) throw bad('newTo', `${input.from} already gives effect to ${input.newTo}`);
    const at = new Date().toISOString();
    // The new link holds from today: as at an earlier date the old one still answers.
    const props = { basis: 'CURATED', rationale, by: user.name, at, validFrom: at };
    const edge = await writeLink(tx, TYPE, input.from, input.newTo, props);
    const retired = {
      retiredAt: at,
      validTo: at,
      retiredBy: user.name,
      retiredReason: `Moved to ${target.node.title}: ${rationale}`,
      movedTo: input.newTo,
    };
    await setReview(tx, input.from, input.to, retired, { by: user.name, at });
    await recordChange(
      tx,
      user,
      {
        operation: 'MOVE_LINK',
        subjectId: input.from,
        objectId: input.newTo,
        linkType: TYPE,
        summary: `Moved the link of “${link.from.title}” from “${link.to.title}” to “${target.node.title}” (CURATED).`,
        why: rationale,
        before: { to: input.to, ...link.props },
        after: { to: input.newTo, ...props, previous: { to: input.to, ...retired } },
      },
      at,
    );
    return edge;
  }, 'lawReview.moveLink');
}

/**
 * Retires the link: it is kept, with who retired it, when and why, and ends today (`validTo`), so
 * the history and questions asked as at an earlier date still see it, but it no longer counts
 * for traces, gaps or impact now.
 */
export async function retireLink(gateway: Gateway, user: User, input: { from: string; to: string; version: number; reason: string }): Promise<GraphEdge> {
  const reason = input.reason.trim();
  if (!reason) throw bad('reason', 'say why the link ends');
  return gateway.writeTransaction(async (tx) => {
    const link = await lockLink(tx, input.from, input.to, input.version);
    const at = new Date().toISOString();
    const retired = { retiredAt: at, validTo: at, retiredBy: user.name, retiredReason: reason };
    const edge = await setReview(tx, input.from, input.to, retired, { by: user.name, at });
    await recordChange(
      tx,
      user,
      {
        operation: 'RETIRE_LINK',
        subjectId: input.from,
        objectId: input.to,
        linkType: TYPE,
        summary: `Retired the link of “${link.from.title}” to “${link.to.title}”: it no longer gives effect to it.`,
        why: reason,
        before: link.props,
        after: { ...link.props, ...retired },
      },
      at,
    );
    return edge;
  }, 'lawReview.retireLink');
}
