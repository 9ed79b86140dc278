"""A synthetic webcam set: 1280x720 frames of badges and phones as a kiosk's camera sees them.

Each frame is drawn into a plausible scene (wall, posters, a person, a hand holding the badge or
phone) and then sent through a model of a cheap webcam: vignetting, defocus of the fixed-focus
lens, sensor noise that grows in the dark, and MJPG compression. One condition changes one thing
at a time, so the benchmark can say which kind of frame a decoder step helps:

    near           badge or light-mode phone at arm's length, 3.5-6 px per module
    far            badge held back, 1.9-2.5 px per module (a 50 mm badge code about 50 cm away)
    tilted         held at 35-55 degrees to the camera, any in-plane angle
    blurred        out of the lens's focus (Gaussian, sigma 1.2-2.0 px)
    motion         moving while the shutter is open (6-12 px streak)
    dim            a dark corner: 15-30 % of normal light, so sensor noise dominates
    glare          a laminated badge catching a ceiling light (a blown-out patch over the code)
    low_contrast   a faded print, or an over-exposed frame: 40-70 grey levels between modules
    dark_mode      a phone e-ticket in dark mode: light modules on a near-black screen
    dark_glare     the same with the room's lights reflected in the glass
    covered        a thumb over part of the code (at most ~12 % of it, finder patterns clear,
                   which error correction level M can still recover)
    jpeg           a heavily compressed stream (JPEG quality 6-12)
    empty          no code at all: scenes with text, stripes and checked patterns

The codes are real: signed badge tokens (``ITC1:...``, version 6 at ECC M) made with a key
generated here, plus plain registration numbers as an outside ticketing system's e-tickets use.
Everything is drawn from one seed, so a set is the same on every run and every machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np
import qrcode
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from qrcode.constants import ERROR_CORRECT_M

from kiosk.core.event import CATEGORIES
from kiosk.core.tokens import BadgeClaims, key_id_for, sign_token

WIDTH, HEIGHT = 1280, 720
EVENT_ID = "itcn-asia-synthetic"

CONDITIONS = ("near", "far", "tilted", "blurred", "motion", "dim", "glare", "low_contrast",
              "dark_mode", "dark_glare", "covered", "jpeg")
EMPTY = "empty"


@dataclass(frozen=True)
class SyntheticFrame:
    name: str                 # "far-07": condition and index, stable across runs
    condition: str            # one of CONDITIONS or EMPTY
    image: np.ndarray         # HEIGHT x WIDTH x 3, BGR, uint8
    expected: str | None      # the code's text; None for an empty frame
    carrier: str              # "badge", "phone", "phone_dark" or "none"
    quad: np.ndarray | None = None  # the code's corners in the frame (4x2), None when empty


def signing_key(seed: int) -> Ed25519PrivateKey:
    raw = np.random.default_rng(seed).integers(0, 256, 32, dtype=np.uint8).tobytes()
    return Ed25519PrivateKey.from_private_bytes(raw)


def badge_tokens(count: int, seed: int = 2026) -> list[str]:
    """Real signed badge tokens, as `kiosk badges` issues them (ids ITCN-00001...)."""
    key = signing_key(seed)
    kid = key_id_for(key.public_key())
    rng = np.random.default_rng(seed)
    tokens = []
    for i in range(count):
        category = CATEGORIES[int(rng.integers(len(CATEGORIES)))]
        claims = BadgeClaims(attendee_id=f"ITCN-{i + 1:05d}", category=category, key_id=kid)
        tokens.append(sign_token(claims, key, EVENT_ID))
    return tokens


def qr_modules(text: str) -> np.ndarray:
    """The code's modules with its 4-module quiet zone: True is dark."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4)
    code.add_data(text)
    code.make(fit=True)
    return np.array(code.get_matrix(), dtype=bool)


# --- drawing helpers -----------------------------------------------------------------------------

def _scene(rng: np.random.Generator, busy: bool) -> np.ndarray:
    """A kiosk's view: a wall with a light falloff, posters, a person in front (float32 BGR)."""
    wall = rng.uniform(120, 200, 3)
    ramp = np.linspace(rng.uniform(0.75, 1.0), rng.uniform(0.8, 1.1), HEIGHT)[:, None, None]
    img = np.empty((HEIGHT, WIDTH, 3), np.uint8)
    img[:] = (wall * ramp).astype(np.uint8)
    for _ in range(int(rng.integers(2, 6))):  # posters, door frames, signs
        x, y = int(rng.integers(-100, WIDTH)), int(rng.integers(-100, HEIGHT // 2))
        w, h = int(rng.integers(80, 400)), int(rng.integers(60, 300))
        colour = tuple(float(c) for c in rng.uniform(30, 240, 3))
        cv2.rectangle(img, (x, y), (x + w, y + h), colour, -1)
        for line in range(int(rng.integers(0, 5))):
            cv2.putText(img, "ITCN ASIA 2026 HALL %d" % rng.integers(1, 7), (x + 10, y + 30 + 28 * line),
                        cv2.FONT_HERSHEY_SIMPLEX, float(rng.uniform(0.6, 1.1)),
                        tuple(float(c) for c in rng.uniform(0, 255, 3)), 2, cv2.LINE_AA)
    # The person: torso and head, somewhere around the middle.
    cx = int(rng.integers(WIDTH // 3, 2 * WIDTH // 3))
    shirt = tuple(float(c) for c in rng.uniform(20, 220, 3))
    cv2.ellipse(img, (cx, HEIGHT + 60), (int(rng.integers(260, 380)), 420), 0, 180, 360, shirt, -1)
    skin = tuple(float(c) for c in rng.choice(_SKIN_TONES))
    cv2.ellipse(img, (cx + int(rng.integers(-40, 40)), int(rng.integers(140, 230))), (95, 125), 0, 0,
                360, skin, -1)
    if busy:  # the things that look a little like a code: text, stripes, checks, a keyboard
        for _ in range(int(rng.integers(2, 5))):
            x, y = int(rng.integers(0, WIDTH - 300)), int(rng.integers(0, HEIGHT - 200))
            kind = int(rng.integers(4))
            if kind == 0:
                for line in range(6):
                    cv2.putText(img, "".join(rng.choice(list("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789 "), 18)),
                                (x, y + 22 * line), cv2.FONT_HERSHEY_PLAIN, 1.4, (20, 20, 20), 2)
            elif kind == 1:
                for i in range(40):  # a one-dimensional barcode
                    if rng.random() < 0.5:
                        cv2.rectangle(img, (x + 4 * i, y), (x + 4 * i + int(rng.integers(1, 4)), y + 90),
                                      (15, 15, 15), -1)
            elif kind == 2:
                cell = int(rng.integers(6, 16))
                for i in range(10):
                    for j in range(10):
                        if (i + j) % 2:
                            cv2.rectangle(img, (x + i * cell, y + j * cell),
                                          (x + (i + 1) * cell - 1, y + (j + 1) * cell - 1), (25, 25, 25), -1)
            else:
                for i in range(12):
                    for j in range(4):
                        cv2.rectangle(img, (x + i * 22, y + j * 22), (x + i * 22 + 18, y + j * 22 + 18),
                                      (50, 50, 50), 2)
    return img.astype(np.float32)


_SKIN_TONES = [(95, 130, 190), (70, 105, 160), (120, 160, 215), (55, 80, 125), (140, 175, 225)]


def _card(modules: np.ndarray, ppm: float, carrier: str, rng: np.random.Generator,
          low_contrast: bool) -> tuple[np.ndarray, np.ndarray]:
    """The badge or phone face at ``ppm`` texture pixels per module, and the code's corners in it.

    Returned as float32 BGR plus a (4, 2) array of the code's outer corners (quiet zone excluded).
    """
    n = modules.shape[0]
    code_px = int(round(n * ppm))
    code = cv2.resize(np.where(modules, 0, 255).astype(np.uint8), (code_px, code_px),
                      interpolation=cv2.INTER_NEAREST).astype(np.float32)
    if carrier == "badge":
        dark, light = (float(rng.uniform(90, 125)), float(rng.uniform(160, 190))) if low_contrast else (18.0, 245.0)
        code = np.where(code > 127, light, dark)
        margin_x, top, bottom = int(code_px * 0.35), int(code_px * 1.1), int(code_px * 0.35)
        face = np.full((top + code_px + bottom, code_px + 2 * margin_x, 3), 0, np.uint8)
        face[:] = (light, light, light)
        band = tuple(float(c) for c in rng.uniform(30, 230, 3))
        face[-bottom // 2:, :] = band
        face[: int(top * 0.35), :] = band
        for line, scale in ((0.55, 0.9), (0.8, 0.6)):
            cv2.putText(face, "Ayesha Malik" if line < 0.7 else "Ravi Data Labs",
                        (int(margin_x * 0.8), int(top * line)), cv2.FONT_HERSHEY_DUPLEX,
                        scale * code_px / 220, (dark, dark, dark), max(1, int(code_px / 160)), cv2.LINE_AA)
        face[top:top + code_px, margin_x:margin_x + code_px] = code[..., None]
        origin = (margin_x, top)
    else:
        if carrier == "phone_dark":
            dark, light = float(rng.uniform(8, 30)), float(rng.uniform(200, 235))
            code = np.where(code > 127, dark, light)  # inverted: light modules on a dark screen
            screen = dark
        else:
            dark, light = ((float(rng.uniform(90, 125)), float(rng.uniform(160, 190))) if low_contrast
                           else (float(rng.uniform(5, 25)), float(rng.uniform(230, 250))))
            code = np.where(code > 127, light, dark)
            screen = light
        margin_x = int(code_px * 0.12)
        top, bottom = int(code_px * 0.6), int(code_px * 0.7)
        body = int(code_px * 0.05) + 2
        h, w = top + code_px + bottom, code_px + 2 * margin_x
        face = np.full((h + 2 * body, w + 2 * body, 3), 12, np.uint8)  # the phone's black bezel
        face[body:body + h, body:body + w] = screen
        text = (light if carrier == "phone_dark" else dark)
        cv2.putText(face, "E-TICKET  ITCN ASIA", (body + margin_x, body + int(top * 0.5)),
                    cv2.FONT_HERSHEY_SIMPLEX, code_px / 330, (text, text, text), max(1, int(code_px / 150)),
                    cv2.LINE_AA)
        face[body + top:body + top + code_px, body + margin_x:body + margin_x + code_px] = code[..., None]
        origin = (body + margin_x, body + top)
    face = face.astype(np.float32)
    q = 4 * ppm  # the quiet zone, drawn in the card's own background
    x0, y0 = origin[0] + q, origin[1] + q
    side = code_px - 2 * q
    corners = np.array([[x0, y0], [x0 + side, y0], [x0 + side, y0 + side], [x0, y0 + side]], np.float32)
    return face, corners


def _homography(face_shape, corners, px_per_module: float, modules: int, tilt_deg: float,
                roll_deg: float, rng: np.random.Generator) -> np.ndarray:
    """Map the card into the frame: scale, roll, an out-of-plane tilt, a place near the torso."""
    h, w = face_shape[:2]
    inner = modules - 8
    texture_ppm = (corners[1, 0] - corners[0, 0]) / inner
    scale = px_per_module / texture_ppm
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    # Tilt: rotate the card's plane about a random axis through its centre; a pinhole camera
    # at a distance of a few card widths gives the perspective.
    pts3 = np.c_[src - [w / 2, h / 2], np.zeros(4)].astype(np.float64) * scale
    axis_angle = np.deg2rad(rng.uniform(0, 180))
    axis = np.array([np.cos(axis_angle), np.sin(axis_angle), 0.0])
    rot_tilt, _ = cv2.Rodrigues(axis * np.deg2rad(tilt_deg))
    rot_roll, _ = cv2.Rodrigues(np.array([0, 0, np.deg2rad(roll_deg)]))
    pts3 = pts3 @ rot_roll.T @ rot_tilt.T
    focal = 1000.0
    depth = focal  # the card's centre is at the focal distance, so scale holds there
    projected = focal * pts3[:, :2] / (depth + pts3[:, 2:3])
    span = projected.max(axis=0) - projected.min(axis=0)
    cx = rng.uniform(span[0] / 2 + 10, WIDTH - span[0] / 2 - 10) if span[0] < WIDTH - 20 else WIDTH / 2
    cy = rng.uniform(span[1] / 2 + 10, HEIGHT - span[1] / 2 - 10) if span[1] < HEIGHT - 20 else HEIGHT / 2
    dst = (projected + [cx, cy]).astype(np.float32)
    return cv2.getPerspectiveTransform(src, dst)


def _paste(scene: np.ndarray, face: np.ndarray, H: np.ndarray) -> None:
    h, w = face.shape[:2]
    outline = cv2.perspectiveTransform(np.array([[[0, 0], [w, 0], [w, h], [0, h]]], np.float32), H)[0]
    x0, y0 = np.maximum(np.floor(outline.min(axis=0)).astype(int) - 2, 0)
    x1, y1 = np.minimum(np.ceil(outline.max(axis=0)).astype(int) + 2, [WIDTH, HEIGHT])
    shift = np.array([[1, 0, -x0], [0, 1, -y0], [0, 0, 1]], np.float64) @ H
    size = (int(x1 - x0), int(y1 - y0))
    warped = cv2.warpPerspective(face, shift, size, flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.ones(face.shape[:2], np.float32), shift, size,
                               flags=cv2.INTER_LINEAR)[..., None]
    region = scene[y0:y1, x0:x1]
    region *= 1 - mask
    region += warped * mask


def _hand(scene: np.ndarray, H: np.ndarray, face_shape, corners: np.ndarray, modules: int,
          rng: np.random.Generator) -> None:
    """Fingertips on the card's lower edge, where people hold a badge or phone, clear of the code.

    Drawn in the card's plane (so they tilt with it) and never over the code or its quiet zone.
    """
    h, w = face_shape[:2]
    ppm = (corners[1, 0] - corners[0, 0]) / (modules - 8)
    room = h - (corners[2, 1] + 4 * ppm)  # from the quiet zone's lower edge to the card's
    skin = tuple(float(c) for c in rng.choice(_SKIN_TONES))
    for _ in range(2):
        centre = (int(rng.uniform(0.1, 0.9) * w), int(h * rng.uniform(0.99, 1.04)))
        axes = (int(w / 11), int(min(w / 5.5, 0.9 * (room + h * 0.04))))
        outline = cv2.ellipse2Poly(centre, axes, int(rng.uniform(-20, 20)), 0, 360, 10)
        outline = cv2.perspectiveTransform(outline[None].astype(np.float32), H)[0]
        cv2.fillPoly(scene, [np.round(outline).astype(np.int32)], skin, cv2.LINE_AA)


def _thumb_over_code(scene: np.ndarray, H: np.ndarray, corners: np.ndarray, modules: int,
                     rng: np.random.Generator) -> None:
    """A thumb over the edge of the code between finder patterns or at the corner without one."""
    inner = modules - 8
    m = (corners[1, 0] - corners[0, 0]) / inner  # texture pixels per module
    x0, y0 = corners[0]
    spots = [(x0 + inner * m * 0.55, y0 + inner * m * 1.0),     # bottom edge, middle
             (x0 + inner * m * 1.0, y0 + inner * m * 0.55),     # right edge, middle
             (x0 + inner * m * 0.95, y0 + inner * m * 0.95)]    # the corner without a finder
    sx, sy = spots[int(rng.integers(len(spots)))]
    # An ellipse of radius ~0.17 of the side covers about 12 % of the code's area when half off it.
    r = inner * m * float(rng.uniform(0.14, 0.18))
    centre = np.array([[[sx, sy]]], np.float32)
    edge = np.array([[[sx + r, sy]]], np.float32)
    c = cv2.perspectiveTransform(centre, H)[0, 0]
    e = cv2.perspectiveTransform(edge, H)[0, 0]
    radius = float(np.linalg.norm(e - c))
    skin = tuple(float(v) for v in rng.choice(_SKIN_TONES))
    cv2.ellipse(scene, (int(c[0]), int(c[1])), (int(radius), int(radius * 1.5)),
                float(rng.uniform(0, 180)), 0, 360, skin, -1, cv2.LINE_AA)


def _glare(scene: np.ndarray, centre, radius: float, strength: float) -> None:
    """A specular reflection: an additive, blown-out blob with a soft rim."""
    yy, xx = np.ogrid[:HEIGHT, :WIDTH]
    d2 = ((xx - centre[0]) ** 2 + ((yy - centre[1]) * 1.4) ** 2) / (radius ** 2)
    scene += (strength * np.exp(-d2 * 1.2))[..., None].astype(np.float32)


def _motion_kernel(length: int, angle_deg: float) -> np.ndarray:
    k = np.zeros((length, length), np.float32)
    k[length // 2, :] = 1.0
    rot = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5), angle_deg, 1.0)
    k = cv2.warpAffine(k, rot, (length, length))
    return k / k.sum()


@lru_cache(maxsize=1)
def _vignette() -> np.ndarray:
    yy, xx = np.mgrid[:HEIGHT, :WIDTH].astype(np.float32)
    fall = 1 - 0.5 * (((xx - WIDTH / 2) / WIDTH) ** 2 + ((yy - HEIGHT / 2) / HEIGHT) ** 2)
    return np.repeat(fall[..., None], 3, axis=2)


_NOISE_PAD = 64


@lru_cache(maxsize=1)
def _noise_field() -> np.ndarray:
    """Unit Gaussian noise, drawn once; each frame takes a crop at a random offset (it is i.i.d.)."""
    rng = np.random.default_rng(7)
    return rng.standard_normal((HEIGHT + _NOISE_PAD, WIDTH + _NOISE_PAD, 3), dtype=np.float32)


def _webcam(scene: np.ndarray, rng: np.random.Generator, *, light: float = 1.0, defocus: float = 0.0,
            motion: tuple[int, float] | None = None, jpeg_quality: int = 85) -> np.ndarray:
    """A cheap webcam: optics, exposure, sensor noise, MJPG."""
    img = cv2.GaussianBlur(scene, (0, 0), max(0.55, defocus))
    if motion is not None:
        img = cv2.filter2D(img, -1, _motion_kernel(*motion))
    img = cv2.multiply(img, _vignette(), scale=light)
    # Shot noise grows with the signal, read noise is constant; auto-gain amplifies both in the dark.
    gain = 1.0 / max(light, 0.2) ** 0.5
    spread = cv2.sqrt(cv2.max(img, 0.0) * np.float32(0.08 * gain * gain)) + np.float32(1.5 * gain)
    dy, dx = int(rng.integers(0, _NOISE_PAD)), int(rng.integers(0, _NOISE_PAD))
    img += cv2.multiply(_noise_field()[dy:dy + HEIGHT, dx:dx + WIDTH], spread)
    np.clip(img, 0, 255, out=img)
    img = img.astype(np.uint8)
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, int(jpeg_quality)])
    assert ok
    return cv2.imdecode(buf, cv2.IMREAD_COLOR)


# --- the set -------------------------------------------------------------------------------------

def make_frame(condition: str, index: int, payload: str | None, seed: int = 2026) -> SyntheticFrame:
    """One frame of ``condition``; the same arguments always give the same pixels."""
    rng = np.random.default_rng([seed, (CONDITIONS + (EMPTY,)).index(condition), index])
    name = f"{condition}-{index:02d}"
    if condition == EMPTY:
        scene = _scene(rng, busy=True)
        return SyntheticFrame(name, condition, _webcam(scene, rng, light=float(rng.uniform(0.5, 1.1))),
                              None, "none")
    scene = _scene(rng, busy=bool(rng.random() < 0.3))
    if condition in ("dark_mode", "dark_glare"):
        carrier = "phone_dark"
    elif condition in ("glare", "covered"):
        carrier = "badge"
    else:
        carrier = "badge" if rng.random() < 0.7 else "phone"
    modules = qr_modules(payload)
    n = modules.shape[0]
    px_per_module = float(rng.uniform(3.5, 6.0))
    tilt, roll = float(rng.uniform(0, 15)), float(rng.uniform(-15, 15))
    light, defocus, motion, quality = 1.0, 0.0, None, int(rng.integers(75, 92))
    if condition == "far":
        px_per_module = float(rng.uniform(1.9, 2.5))
    elif condition == "tilted":
        px_per_module = float(rng.uniform(3.0, 5.0))
        tilt, roll = float(rng.uniform(35, 55)), float(rng.uniform(-180, 180))
    elif condition == "blurred":
        defocus = float(rng.uniform(1.2, 2.0))
    elif condition == "motion":
        motion = (int(rng.integers(6, 13)), float(rng.uniform(0, 180)))
    elif condition == "dim":
        light = float(rng.uniform(0.15, 0.3))
    elif condition == "jpeg":
        quality = int(rng.integers(6, 13))
    elif condition in ("dark_mode", "dark_glare"):
        px_per_module = float(rng.uniform(3.0, 5.0))
    texture_ppm = max(4.0, px_per_module * 2.5)
    face, corners = _card(modules, texture_ppm, carrier, rng, low_contrast=condition == "low_contrast")
    H = _homography(face.shape, corners, px_per_module, n, tilt, roll, rng)
    _paste(scene, face, H)
    _hand(scene, H, face.shape, corners, n, rng)
    if condition == "covered":
        _thumb_over_code(scene, H, corners, n, rng)
    if condition in ("glare", "dark_glare"):
        inner = n - 8
        code_side = inner * px_per_module
        frac = rng.uniform(0.15, 0.85, 2)
        spot = corners[0] + (corners[1] - corners[0]) * frac[0] + (corners[3] - corners[0]) * frac[1]
        centre = cv2.perspectiveTransform(spot[None, None, :].astype(np.float32), H)[0, 0]
        strength = float(rng.uniform(150, 230)) if condition == "glare" else float(rng.uniform(120, 200))
        _glare(scene, centre, code_side * float(rng.uniform(0.12, 0.22)), strength)
    image = _webcam(scene, rng, light=light, defocus=defocus, motion=motion, jpeg_quality=quality)
    quad = cv2.perspectiveTransform(corners[None], H)[0]
    return SyntheticFrame(name, condition, image, payload, carrier, quad)


def payloads(count: int, seed: int = 2026) -> list[str]:
    """Mostly signed badge tokens; every fifth an outside system's plain registration number."""
    tokens = badge_tokens(count, seed)
    return [f"REG-{seed % 97:02d}{i:06d}" if i % 5 == 4 else token for i, token in enumerate(tokens)]


@lru_cache(maxsize=4)
def synthetic_set(per_condition: int = 20, empty: int = 40, seed: int = 2026) -> tuple[SyntheticFrame, ...]:
    """Every condition ``per_condition`` times plus ``empty`` frames without a code."""
    texts = payloads(per_condition * len(CONDITIONS), seed)
    frames = []
    for c, condition in enumerate(CONDITIONS):
        for i in range(per_condition):
            frames.append(make_frame(condition, i, texts[c * per_condition + i], seed))
    frames.extend(make_frame(EMPTY, i, None, seed) for i in range(empty))
    return tuple(frames)


def write_set(frames, folder) -> None:
    """Save frames as PNG files (for looking at them, or feeding a FolderCamera)."""
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for frame in frames:
        cv2.imwrite(str(folder / f"{frame.name}.png"), frame.image)


def contact_sheet(frames, decode=None, columns: int = 6, width: int = 320) -> np.ndarray:
    """Thumbnails of ``frames`` in rows; with ``decode(image) -> [Decoded]`` each shows what was
    read: the code's outline in green when it is the expected text, red when it is not, and a
    red border on a frame whose code was missed."""
    height = width * HEIGHT // WIDTH
    tiles = []
    for frame in frames:
        image = frame.image.copy()
        colour = None
        if decode is not None:
            found = decode(frame.image)
            for item in found:
                good = item.text == frame.expected
                pts = np.array(item.position, np.int32).reshape(-1, 1, 2)
                cv2.polylines(image, [pts], True, (0, 200, 0) if good else (0, 0, 255), 6)
            if frame.expected is not None and not any(d.text == frame.expected for d in found):
                colour = (0, 0, 255)
        tile = cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA)
        if colour is not None:
            cv2.rectangle(tile, (0, 0), (width - 1, height - 1), colour, 6)
        cv2.putText(tile, frame.name, (6, 18), cv2.FONT_HERSHEY_SIMPLEX, 0.5, (0, 0, 0), 3, cv2.LINE_AA)
        cv2.putText(tile, frame.name, (6, 18), cv2.FONT_HERSHEY_SIMPLEX, 0.5, (255, 255, 255), 1, cv2.LINE_AA)
        tiles.append(tile)
    while len(tiles) % columns:
        tiles.append(np.zeros_like(tiles[0]))
    rows = [np.hstack(tiles[i:i + columns]) for i in range(0, len(tiles), columns)]
    return np.vstack(rows)


if __name__ == "__main__":  # python -m tests.helpers.synthetic_frames OUT [--per N]: look at the set
    import argparse
    from pathlib import Path

    parser = argparse.ArgumentParser(description="Write the synthetic webcam set and contact sheets "
                                     "showing what the kiosk's decoder chain reads in it.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--per", type=int, default=20, help="frames per condition")
    parser.add_argument("--frames", action="store_true", help="also write every frame as a PNG")
    args = parser.parse_args()
    from kiosk.scanning.decoder import DecoderChain

    frames = synthetic_set(per_condition=args.per, empty=2 * args.per)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.frames:
        write_set(frames, args.out / "frames")
    chain = DecoderChain()
    sample = [f for c in CONDITIONS + (EMPTY,) for f in [g for g in frames if g.condition == c][:6]]
    cv2.imwrite(str(args.out / "synthetic-set.png"), contact_sheet(sample, chain.decode))
    missed = [f for f in frames if f.expected and not any(d.text == f.expected for d in chain.decode(f.image))]
    if missed:
        cv2.imwrite(str(args.out / "synthetic-missed.png"), contact_sheet(missed, chain.decode, columns=3, width=426))
    print(f"{len(frames)} frames; missed by the kiosk chain: {', '.join(f.name for f in missed) or 'none'}")
