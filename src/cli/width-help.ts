import { DEFAULT_WIDTH_CONFIG as D, WIDTH_K_MAX, WIDTH_N_MAX } from '../width-config.ts';

export const WIDTH_HELP = `saddle-lab width: how often does gradient descent on a two-layer ReLU network end in a
spurious local minimum (Safran & Shamir, ICML 2018), and how does width change that?

Model: teacher f*(x) = Σᵢ relu(eᵢ·x), i = 1..k, x ~ N(0, I_k); student f(x) = Σⱼ relu(wⱼ·x),
j = 1..n; population loss L = ½E[(f − f*)²] in closed form. Starts wⱼ ~ N(0, I/k) (Philox),
step η = step-scale/max(k, n) (the paper's 5/k at n = k; 5/k diverges for n ≳ 1.6k), run until ‖∇L‖ ≤ tolerance; end points polished in float64 (Newton to
‖∇L‖ ≤ 1e-9) and classified: global minimum (L ≤ 1e-6), spurious minimum (L > 1e-6, every
Hessian eigenvalue > 1e-6), saddle (otherwise), not converged.

Usage:
  saddle-lab width [flags]     one CSV row per (k, n)

Flags:
  --k LIST            teacher widths k = d, e.g. 6:20 or 6,8,10 (2..${WIDTH_K_MAX}). Default 6:10.
  --width FACTORS     student widths n = round(factor·k), e.g. 1,1.25,1.5,2 (0.5..2). Default 1.
  --n LIST            student widths n for every k instead (1..${WIDTH_N_MAX}), e.g. 6:12.
  --runs COUNT        descents per (k, n). Default ${D.runs}.
  --optimizer gd|heavy-ball   Default ${D.optimizer}.
  --beta B            heavy-ball momentum in (0, 1). Default ${D.beta}.
  --step-scale C      η = C/max(k, n). Default ${D.stepScale} (the paper's 5/k at n = k).
  --tolerance T       stop a descent at ‖∇L‖ ≤ T. Default ${D.gradientTolerance}.
  --max-steps S       a descent not converged after S steps is "not converged". Default ${D.maxSteps}.
  --seed SEED         Philox key; run r of (k, n) starts from (seed, k, n, r) alone. Default ${D.seed}.
  --backend gpu|cpu   gpu: f32 WGSL through Dawn; cpu: the float64 twin. Default ${D.backend}.
  --out FILE          summary CSV (default stdout).
  --endpoints FILE    one row per descent: steps, losses, class, index.
  --batch R           descents per GPU job (default 256).
  -h, --help          this text.

Example:
  saddle-lab width --k 6:20 --width 1,1.25,1.5,2 --runs 1000 --optimizer gd --seed 3 --out width.csv
`;
