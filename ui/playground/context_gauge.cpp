#include "playground/context_gauge.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>

namespace ts::ui {

namespace {

const QColor kAmber(0xe0, 0x8e, 0x0b);
const QColor kRed(0xd0, 0x3b, 0x3b);

double share(std::int64_t part, std::int64_t whole)
{
    return whole > 0 ? std::clamp(static_cast<double>(part) / static_cast<double>(whole), 0.0, 1.0) : 0.0;
}

} // namespace

ContextGauge::ContextGauge(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(QStringLiteral("Context window gauge"));
}

void ContextGauge::setValues(std::int64_t prompt, std::int64_t reserve, std::int64_t window)
{
    prompt_ = prompt;
    reserve_ = reserve;
    window_ = window;
    update();
}

QColor ContextGauge::fillColor() const
{
    switch (state()) {
    case meter::GaugeState::Warning:
        return kAmber;
    case meter::GaugeState::Over:
        return kRed;
    case meter::GaugeState::Ok:
    case meter::GaugeState::Unknown:
        break;
    }
    return palette().color(QPalette::Highlight);
}

void ContextGauge::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF track = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const double radius = track.height() / 2;
    QPainterPath clip;
    clip.addRoundedRect(track, radius, radius);
    p.setClipPath(clip);
    p.fillRect(track, palette().color(QPalette::Midlight));
    if (window_ > 0) {
        // A prompt of a few tokens still shows as a sliver, so the bar never looks broken.
        const double promptWidth = prompt_ > 0 ? std::max(3.0, track.width() * share(prompt_, window_)) : 0.0;
        const double reserveWidth = track.width() * share(reserve_, window_);
        const QColor fill = fillColor();
        p.fillRect(QRectF(track.left(), track.top(), promptWidth, track.height()), fill);
        // The reserve starts where the prompt ends; past the window's end it is clipped away.
        QColor reserveColor = fill;
        reserveColor.setAlphaF(0.35f);
        p.fillRect(QRectF(track.left() + promptWidth, track.top(), reserveWidth, track.height()),
                   reserveColor);
    }
    p.setClipping(false);
    p.setPen(palette().color(QPalette::Mid));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(track, radius, radius);
}

} // namespace ts::ui
