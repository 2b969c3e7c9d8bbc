import { describe, expect, it } from 'vitest';
import { endPointsCsv } from '../../src/export/end-points-csv.ts';
import { PHASE } from '../../src/landscape/descent.ts';
import type { EndPoint } from '../../src/landscape/end-point.ts';

const endPoint: EndPoint = {
  run: 7, steps: 1234, phase: PHASE.converged, descentLoss: 0.025, descentGradientNorm: 9e-6, loss: 0.0250805,
  gradientNorm: 3e-13, polishDistance: 0.002, endClass: 'spurious-minimum', reason: '', index: 0, degenerate: false,
};

describe('end-point CSV', () => {
  it('writes a header and one row per end point with its run context', () => {
    const csv = endPointsCsv([{ context: { landscape: 'teacher-student', parameters: 'k=6 n=6', seed: 3, optimizer: 'gd', step: 0.8333, beta: 0, backend: 'cpu' }, endPoints: [endPoint, { ...endPoint, run: 8, endClass: 'not-converged', reason: 'max-steps', phase: PHASE.exhausted, gradientNorm: NaN, index: NaN }] }]);
    expect(csv).toBe(
      'landscape,parameters,seed,optimizer,step,beta,backend,run,steps,phase,descent_loss,descent_grad_norm,loss,grad_norm,polish_distance,class,reason,index,degenerate\n' +
      'teacher-student,k=6 n=6,3,gd,0.8333,0,cpu,7,1234,converged,0.025,0.000009,0.0250805,3e-13,0.002,spurious-minimum,,0,0\n' +
      'teacher-student,k=6 n=6,3,gd,0.8333,0,cpu,8,1234,exhausted,0.025,0.000009,0.0250805,,0.002,not-converged,max-steps,,0\n',
    );
  });
});
