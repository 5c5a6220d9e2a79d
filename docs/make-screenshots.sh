#!/usr/bin/env bash
# Remake the README's pictures with 'kiosk snapshot' (no display needed).
# Needs a font with Chinese characters: apt-get install fonts-noto-cjk
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
page=weaning/residual-milk
guide=weaning/gentle-weaning
for lang in en zh-CN; do
  for size in 1920x1080 1080x1920; do
    kiosk snapshot --lang "$lang" --size "$size" --out "$out/home-$lang-$size.png"
    kiosk snapshot --lang "$lang" --size "$size" --page "$page" --out "$out/article-top-$lang-$size.png"
    kiosk snapshot --lang "$lang" --size "$size" --page "$page" --scroll bottom \
      --out "$out/article-bottom-$lang-$size.png"
    kiosk snapshot --lang "$lang" --size "$size" --page "$guide" --step 0 \
      --out "$out/guide-intro-$lang-$size.png"
    kiosk snapshot --lang "$lang" --size "$size" --page "$guide" --step 1 \
      --out "$out/guide-step1-$lang-$size.png"
    kiosk snapshot --lang "$lang" --size "$size" --page "$guide" --step 8 \
      --out "$out/guide-summary-$lang-$size.png"
    kiosk snapshot --lang "$lang" --size "$size" --page "$guide" --view check --step 3 --answer 1 \
      --out "$out/check-$lang-$size.png"
  done
done
# The reading aids: double text size in high contrast.
for lang in en zh-CN; do
  kiosk snapshot --lang "$lang" --size 1920x1080 --page "$page" --text-scale 2.0 \
    --theme high-contrast --out "$out/article-200-high-contrast-$lang-1920x1080.png"
done
kiosk snapshot --view attract --out "$out/attract-1920x1080.png"
# The staff panel, with made-up reading counts (it says so), and its cleaning countdown.
for lang in en zh-CN; do
  for size in 1920x1080 1080x1920; do
    kiosk snapshot --view admin --demo-stats --lang "$lang" --size "$size" \
      --out "$out/admin-$lang-$size.png"
  done
done
kiosk snapshot --view cleaning --out "$out/cleaning-1920x1080.png"
kiosk snapshot --view pin --locked --out "$out/pin-locked-1920x1080.png"
# Presenter mode: what the room sees and the nurse's presenter view, item by item.
session=weaning-class
for lang in en zh-CN; do
  kiosk snapshot --lang "$lang" --session "$session" --item 1 --out "$out/session-room-step-$lang-1920x1080.png"
  kiosk snapshot --lang "$lang" --session "$session" --item 5 --out "$out/session-room-article-$lang-1920x1080.png"
  kiosk snapshot --lang "$lang" --session "$session" --item 12 --step 1 \
    --out "$out/session-room-question-$lang-1920x1080.png"
  kiosk snapshot --lang "$lang" --session "$session" --item 12 --step 1 --answer 1 \
    --out "$out/session-room-answer-$lang-1920x1080.png"
  kiosk snapshot --lang "$lang" --session "$session" --item 13 \
    --out "$out/session-room-take-home-$lang-1920x1080.png"
  kiosk snapshot --lang "$lang" --session "$session" --item 1 --presenter \
    --out "$out/session-presenter-step-$lang-1920x1080.png"
  kiosk snapshot --lang "$lang" --session "$session" --item 12 --step 1 --presenter \
    --out "$out/session-presenter-question-$lang-1920x1080.png"
done
