import { describe, expect, it } from 'vitest';
import { AppError } from '../../../bot/src/kernel/domain/errors.js';
import { decideEnrollment, type TrainingSession } from '../../../bot/src/features/training/domain/training-sessions.js';
import { createTrainingSessionRepository } from '../../../bot/src/features/training/storage/training-session-repository.js';
import { testTableStorage } from '../../support/storage.js';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const session = (id: string, capacity: number, startsAt = inDays(7)): TrainingSession => ({
  id,
  courseId: 'data-utilization',
  startsAt,
  endsAt: startsAt,
  place: '第二庁舎 会議室',
  onlineUrl: undefined,
  capacity,
  cancelled: false,
  enrolledCount: 0,
});
const decideNow = (s: TrainingSession, existing: Parameters<typeof decideEnrollment>[1]) => decideEnrollment(s, existing, new Date());

describe('training session enrolment on Azurite', () => {
  it('when 50 employees enrol at once in a session with 20 seats, then exactly 20 are enrolled and 30 waitlisted', async () => {
    const sessions = createTrainingSessionRepository(await testTableStorage());
    await sessions.create(session('s-50', 20));
    const results = await Promise.all(Array.from({ length: 50 }, (_, index) => sessions.enroll('s-50', `e${index}`, decideNow)));
    expect(results.filter((result) => result.status === 'enrolled')).toHaveLength(20);
    expect(results.filter((result) => result.status === 'waitlisted')).toHaveLength(30);
    expect((await sessions.get('s-50'))?.enrolledCount).toBe(20);
    const stored = await sessions.enrollments('s-50');
    expect(stored.filter((enrollment) => enrollment.status === 'enrolled')).toHaveLength(20);
  });

  it('when the same employee clicks twice at once, then one enrolment stands and the seat count is right', async () => {
    const sessions = createTrainingSessionRepository(await testTableStorage());
    await sessions.create(session('s-double', 5));
    const outcomes = await Promise.allSettled([sessions.enroll('s-double', 'e1', decideNow), sessions.enroll('s-double', 'e1', decideNow)]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(AppError);
    expect((await sessions.get('s-double'))?.enrolledCount).toBe(1);
  });

  it('when an enrolled employee cancels, then the seat goes to the first on the waitlist', async () => {
    const sessions = createTrainingSessionRepository(await testTableStorage());
    await sessions.create(session('s-cancel', 1));
    await sessions.enroll('s-cancel', 'first', decideNow);
    await sessions.enroll('s-cancel', 'second', decideNow);
    await sessions.enroll('s-cancel', 'third', decideNow);
    const { promoted } = await sessions.cancel('s-cancel', 'first');
    expect(promoted?.employeeId).toBe('second');
    expect((await sessions.get('s-cancel'))?.enrolledCount).toBe(1);
  });

  it('when a session is past or cancelled, then enrolment is refused and nothing is written', async () => {
    const sessions = createTrainingSessionRepository(await testTableStorage());
    await sessions.create(session('s-past', 10, inDays(-1)));
    await sessions.create({ ...session('s-off', 10), cancelled: true });
    await expect(sessions.enroll('s-past', 'e1', decideNow)).rejects.toThrow(AppError);
    await expect(sessions.enroll('s-off', 'e1', decideNow)).rejects.toThrow(AppError);
    expect(await sessions.enrollments('s-past')).toEqual([]);
    expect((await sessions.listUpcoming(new Date())).map((upcoming) => upcoming.id)).toEqual(['s-off']);
  });
});
