#!/usr/bin/python3
"""Writes the OpenCV reference blurs that BlurOpenCvTest compares BlurSeq with.

Inputs: crops of two Kodak photos (one portrait) from shared/testdata/images, saved here as PNG so that the Java test
reads exactly the same pixels. Outputs: cv2.GaussianBlur with ksize (2r+1, 2r+1), r = ceil(3 sigma), sigmaX = sigmaY =
sigma, and cv2.blur (box) with ksize (2R+1, 2R+1), both with borderType=cv2.BORDER_REPLICATE, as the spec says.
cv2.imread gives BGR and cv2.imwrite takes BGR, so the PNG files are in RGB order again: the test compares channel c
with channel c. Usage: make_opencv_refs.py /path/to/shared/testdata/images   (run in this folder; needs python3-opencv)
"""
import math
import sys

import cv2

CROPS = {  # name: (file, x, y, width, height)
    "kodim23-crop": ("kodim23.png", 300, 100, 256, 192),
    "kodim04-crop": ("kodim04.png", 150, 200, 192, 256),
}
SIGMAS = [1.0, 3.0]
BOXES = [2]


def main():
    src = sys.argv[1]
    for name, (file, x, y, w, h) in CROPS.items():
        img = cv2.imread(f"{src}/{file}", cv2.IMREAD_UNCHANGED)[y:y + h, x:x + w].copy()
        cv2.imwrite(f"{name}.png", img)
        for sigma in SIGMAS:
            r = math.ceil(3 * sigma)
            out = cv2.GaussianBlur(img, (2 * r + 1, 2 * r + 1), sigma, sigmaY=sigma, borderType=cv2.BORDER_REPLICATE)
            cv2.imwrite(f"{name}-gaussian-{sigma:g}.png", out)
        for b in BOXES:
            out = cv2.blur(img, (2 * b + 1, 2 * b + 1), borderType=cv2.BORDER_REPLICATE)
            cv2.imwrite(f"{name}-box-{b}.png", out)
    print("opencv", cv2.__version__)


if __name__ == "__main__":
    main()
