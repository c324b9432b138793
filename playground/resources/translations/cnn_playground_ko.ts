<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name></name>
    <message>
        <source>LeNet-5</source>
        <translation>LeNet-5</translation>
    </message>
    <message>
        <source>LeCun&apos;s digit reader: two conv + pool stages, then three dense layers (32×32 grayscale).</source>
        <translation>LeCun의 숫자 인식 네트워크: 합성곱 + 풀링 단계 두 번, 이어서 Dense 층 세 개 (32×32 흑백).</translation>
    </message>
    <message>
        <source>Tiny VGG</source>
        <translation>Tiny VGG</translation>
    </message>
    <message>
        <source>The network of CNN Explainer: two blocks of two 3×3 convs and a max pool (64×64 RGB).</source>
        <translation>CNN Explainer의 네트워크: 3×3 합성곱 두 개와 최대 풀링 하나로 된 블록 두 개 (64×64 RGB).</translation>
    </message>
    <message>
        <source>VGG-style</source>
        <translation>VGG 스타일</translation>
    </message>
    <message>
        <source>Pairs of 3×3 &apos;same&apos; convs, doubling the filters after each pool, then a small head (32×32 RGB).</source>
        <translation>Same 패딩 3×3 합성곱을 두 개씩 쌓고 풀링할 때마다 필터 수를 두 배로 늘린 뒤, 작은 헤드(분류기)를 붙입니다 (32×32 RGB).</translation>
    </message>
    <message>
        <source>Dense only</source>
        <translation>Dense 층만</translation>
    </message>
    <message>
        <source>No convolution at all: the image is flattened into one long vector (32×32 RGB).</source>
        <translation>합성곱 없음: 이미지를 하나의 긴 벡터로 펼칩니다 (32×32 RGB).</translation>
    </message>
    <message>
        <source>Shapes</source>
        <translation>도형</translation>
    </message>
    <message>
        <source>Coloured circles, squares, triangles, stars and crosses on varied backgrounds.</source>
        <translation>여러 가지 배경 위의 색깔 있는 원, 사각형, 삼각형, 별, 십자 도형.</translation>
    </message>
    <message>
        <source>Digits</source>
        <translation>손글씨 숫자</translation>
    </message>
    <message>
        <source>scikit-learn&apos;s 8x8 handwritten digits (UCI).</source>
        <translation>scikit-learn의 8x8 손글씨 숫자 (UCI).</translation>
    </message>
    <message>
        <source>Animal shapes</source>
        <translation>동물 실루엣</translation>
    </message>
    <message>
        <source>28x28 animal silhouettes, 10 classes (animal-shape-mnist, MIT).</source>
        <translation>28x28 동물 실루엣, 10개 클래스 (animal-shape-mnist, MIT).</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>Zalando&apos;s 28x28 grayscale photos of clothes, 10 classes.</source>
        <translation>Zalando의 28x28 흑백 옷 사진, 10개 클래스.</translation>
    </message>
    <message>
        <source>Fashion-MNIST, 100 per class</source>
        <translation>Fashion-MNIST, 클래스마다 100장</translation>
    </message>
    <message>
        <source>The first 100 photos of each class of Fashion-MNIST: few images, for transfer learning.</source>
        <translation>Fashion-MNIST의 클래스마다 처음 100장: 전이 학습을 위한 적은 이미지입니다.</translation>
    </message>
    <message>
        <source>Conv</source>
        <translation>합성곱</translation>
    </message>
    <message>
        <source>Max pool</source>
        <translation>최대 풀링</translation>
    </message>
    <message>
        <source>Average pool</source>
        <translation>평균 풀링</translation>
    </message>
    <message>
        <source>Min pool</source>
        <translation>최소 풀링</translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation>배치 정규화</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>활성화</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>드롭아웃</translation>
    </message>
    <message>
        <source>Flatten</source>
        <translation>평면화 (Flatten)</translation>
    </message>
    <message>
        <source>Global average pool</source>
        <translation>전역 평균 풀링</translation>
    </message>
    <message>
        <source>Dense</source>
        <translation>Dense</translation>
    </message>
    <message>
        <source>Slides small learned filters over the image; each filter makes one feature map.</source>
        <translation>학습된 작은 필터를 이미지 위로 밀며 계산합니다. 필터 하나가 특징 맵 하나를 만듭니다.</translation>
    </message>
    <message>
        <source>Keeps the largest value of each window, so feature maps get smaller.</source>
        <translation>각 윈도우에서 가장 큰 값을 남기므로 특징 맵이 작아집니다.</translation>
    </message>
    <message>
        <source>Keeps the average of each window, so feature maps get smaller and smoother.</source>
        <translation>각 윈도우의 평균을 남기므로 특징 맵이 작아지고 부드러워집니다.</translation>
    </message>
    <message>
        <source>Keeps the smallest value of each window.</source>
        <translation>각 윈도우에서 가장 작은 값을 남깁니다.</translation>
    </message>
    <message>
        <source>Re-centres and rescales every channel, which makes training faster and steadier.</source>
        <translation>채널마다 값의 중심과 크기를 다시 맞춰 훈련을 더 빠르고 안정적으로 만듭니다.</translation>
    </message>
    <message>
        <source>Applies a non-linear function such as ReLU to every value.</source>
        <translation>모든 값에 ReLU 같은 비선형 함수를 적용합니다.</translation>
    </message>
    <message>
        <source>Switches off a random fraction of values while training, against overfitting.</source>
        <translation>훈련 중에 값의 일부를 무작위로 꺼서 과대 적합을 막습니다.</translation>
    </message>
    <message>
        <source>Turns the channels × height × width feature maps into one long vector.</source>
        <translation>채널 × 높이 × 너비의 특징 맵을 하나의 긴 벡터로 바꿉니다.</translation>
    </message>
    <message>
        <source>Averages each feature map to one number: one value per channel.</source>
        <translation>각 특징 맵을 평균 내어 숫자 하나로 만듭니다: 채널마다 값 하나.</translation>
    </message>
    <message>
        <source>Fully connected: every output is connected to every input, each connection with its own weight.</source>
        <translation>완전 연결: 모든 출력이 모든 입력과 연결되고, 연결마다 고유한 가중치가 있습니다.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>Valid 패딩</translation>
    </message>
    <message>
        <source>same</source>
        <translation>Same 패딩</translation>
    </message>
    <message>
        <source>pad {0}</source>
        <translation>패딩 {0}</translation>
    </message>
    <message>
        <source>{0} filters</source>
        <translation>필터 {0}개</translation>
    </message>
    <message>
        <source>stride {0}</source>
        <translation>스트라이드 {0}</translation>
    </message>
    <message>
        <source>{0} units</source>
        <translation>유닛 {0}개</translation>
    </message>
    <message>
        <source>units = classes</source>
        <translation>유닛 수 = 클래스 수</translation>
    </message>
    <message>
        <source>Block {0} · {1} parameters · {2}</source>
        <translation>블록 {0} · 파라미터 {1}개 · {2}</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>동결됨</translation>
    </message>
    <message>
        <source>trainable</source>
        <translation>훈련 가능</translation>
    </message>
    <message>
        <source>━━━ freeze line: frozen above, trainable below (drag me) ━━━</source>
        <translation>━━━ 동결선: 위는 동결, 아래는 훈련 가능 (드래그하여 이동) ━━━</translation>
    </message>
    <message>
        <source>Pretrained base</source>
        <translation>사전 훈련된 베이스</translation>
    </message>
    <message>
        <source>Feature extraction (base frozen, train the head)</source>
        <translation>특성 추출 (베이스 동결, 헤드만 훈련)</translation>
    </message>
    <message>
        <source>Fine-tuning (also train the blocks below the line)</source>
        <translation>미세 조정 (동결선 아래 블록도 훈련)</translation>
    </message>
    <message>
        <source>The unfrozen base blocks learn at this fraction of the learning rate</source>
        <translation>동결 해제된 베이스 블록은 학습률에 이 비율을 곱한 값으로 훈련합니다</translation>
    </message>
    <message>
        <source>Remove the pretrained base</source>
        <translation>사전 훈련된 베이스 제거</translation>
    </message>
    <message>
        <source>Base learning rate × </source>
        <translation>베이스 학습률 × </translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;, pretrained ({1}): input {2} → feature map {3}; the layers below are the new head.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;, 사전 훈련됨 ({1}): 입력 {2} → 특징 맵 {3}. 아래 층들이 새 헤드(분류기)입니다.</translation>
    </message>
    <message>
        <source>ImageNet</source>
        <translation>ImageNet</translation>
    </message>
    <message>
        <source>animal silhouettes</source>
        <translation>동물 실루엣</translation>
    </message>
    <message>
        <source>Trainable: {0} (head {1} + base {2})   ·   Frozen: {3}</source>
        <translation>훈련 가능: {0} (헤드 {1} + 베이스 {2})   ·   동결: {3}</translation>
    </message>
    <message>
        <source>Fix the network to compare it with a dense-only one.</source>
        <translation>Dense 층만 쓰는 네트워크와 비교하려면 먼저 네트워크를 고치세요.</translation>
    </message>
    <message>
        <source>This network</source>
        <translation>이 네트워크</translation>
    </message>
    <message>
        <source>Dense only, same hidden widths</source>
        <translation>Dense 층만, 같은 은닉 너비</translation>
    </message>
    <message>
        <source>no hidden layer</source>
        <translation>은닉층 없음</translation>
    </message>
    <message>
        <source>Parameters: convolution vs dense</source>
        <translation>파라미터: 합성곱 대 Dense</translation>
    </message>
    <message>
        <source>Layer {0}</source>
        <translation>{0}번 층</translation>
    </message>
    <message>
        <source>Each conv layer against a dense layer with the same inputs and outputs:</source>
        <translation>각 합성곱 층과, 입력과 출력이 같은 Dense 층의 비교:</translation>
    </message>
    <message>
        <source>conv</source>
        <translation>합성곱</translation>
    </message>
    <message>
        <source>dense</source>
        <translation>Dense</translation>
    </message>
    <message>
        <source>A filter is shared by every position of the image, so its weights are learned once.</source>
        <translation>필터는 이미지의 모든 위치에서 공유되므로 가중치를 한 번만 배웁니다.</translation>
    </message>
    <message>
        <source>{0} params</source>
        <translation>파라미터 {0}개</translation>
    </message>
    <message>
        <source>Output: {0}</source>
        <translation>출력: {0}</translation>
    </message>
    <message>
        <source>Size: {0}</source>
        <translation>크기: {0}</translation>
    </message>
    <message>
        <source>Parameters: {0}</source>
        <translation>파라미터: {0}</translation>
    </message>
    <message>
        <source>Note: {0}</source>
        <translation>참고: {0}</translation>
    </message>
    <message>
        <source>The network cannot be built: {0}</source>
        <translation>네트워크를 만들 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>Parameters: {0} (base {1} + head {2})   ·   Size: {3:,.0f} KB (float32)</source>
        <translation>파라미터: {0} (베이스 {1} + 헤드 {2})   ·   크기: {3:,.0f} KB (float32)</translation>
    </message>
    <message>
        <source>Parameters: {0}   ·   Size: {1} (float32)   ·   Multiply-adds: {2} per image</source>
        <translation>파라미터: {0}   ·   크기: {1} (float32)   ·   곱셈-덧셈: 이미지당 {2}회</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>복제</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>위로 이동</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>아래로 이동</translation>
    </message>
    <message>
        <source>Show code</source>
        <translation>코드 보기</translation>
    </message>
    <message>
        <source>Start from a pretrained network…</source>
        <translation>사전 훈련된 네트워크에서 시작…</translation>
    </message>
    <message>
        <source>List</source>
        <translation>목록</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>그림</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>블록</translation>
    </message>
    <message>
        <source>Drag a block into the network.</source>
        <translation>블록을 네트워크로 드래그하세요.</translation>
    </message>
    <message>
        <source>Layer settings</source>
        <translation>층 설정</translation>
    </message>
    <message>
        <source>Convolution vs dense</source>
        <translation>합성곱과 Dense 층 비교</translation>
    </message>
    <message>
        <source>Change freezing</source>
        <translation>동결 변경</translation>
    </message>
    <message>
        <source>{0} classes</source>
        <translation>클래스 {0}개</translation>
    </message>
    <message>
        <source>classes unknown</source>
        <translation>클래스 수 모름</translation>
    </message>
    <message>
        <source>Input: {0} (set on the Data page)  ·  {1}</source>
        <translation>입력: {0} (데이터 페이지에서 설정)  ·  {1}</translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation>{0} 추가</translation>
    </message>
    <message>
        <source>Move {0}</source>
        <translation>{0} 이동</translation>
    </message>
    <message>
        <source>Delete {0}</source>
        <translation>{0} 삭제</translation>
    </message>
    <message>
        <source>Duplicate {0}</source>
        <translation>{0} 복제</translation>
    </message>
    <message>
        <source>Change {0}</source>
        <translation>{0} 변경</translation>
    </message>
    <message>
        <source>Start from {0}</source>
        <translation>{0}에서 시작</translation>
    </message>
    <message>
        <source>Preset {0}</source>
        <translation>프리셋 {0}</translation>
    </message>
    <message>
        <source>No code yet</source>
        <translation>아직 코드가 없습니다</translation>
    </message>
    <message>
        <source>The network has to be valid (and the classes known) to be turned into code.

{0}</source>
        <translation>코드로 바꾸려면 네트워크가 올바르고 클래스 수를 알아야 합니다.

{0}</translation>
    </message>
    <message>
        <source>No code for this network</source>
        <translation>이 네트워크의 코드가 없습니다</translation>
    </message>
    <message>
        <source>height</source>
        <translation>높이</translation>
    </message>
    <message>
        <source>width</source>
        <translation>너비</translation>
    </message>
    <message>
        <source>valid (none)</source>
        <translation>valid (패딩 없음)</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>직접 지정</translation>
    </message>
    <message>
        <source>as pool size</source>
        <translation>풀링 크기와 같게</translation>
    </message>
    <message>
        <source>= classes</source>
        <translation>= 클래스 수</translation>
    </message>
    <message>
        <source>Follow the number of classes of the data (for the last layer)</source>
        <translation>데이터의 클래스 수를 따릅니다 (마지막 층용)</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>필터</translation>
    </message>
    <message>
        <source>Kernel size</source>
        <translation>커널 크기</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>스트라이드</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>패딩</translation>
    </message>
    <message>
        <source>Pool size</source>
        <translation>풀링 크기</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>함수</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>비율</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>유닛 수</translation>
    </message>
    <message>
        <source>Select a layer to see its settings, or drag a block into the network.</source>
        <translation>층을 선택하면 설정이 표시됩니다. 블록을 네트워크로 드래그할 수도 있습니다.</translation>
    </message>
    <message>
        <source>This block has no settings.</source>
        <translation>이 블록에는 설정이 없습니다.</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp)</source>
        <translation>이미지 (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>fine-tuning</source>
        <translation>미세 조정</translation>
    </message>
    <message>
        <source>training (per batch, smoothed)</source>
        <translation>훈련 (배치별, 평활화)</translation>
    </message>
    <message>
        <source>training (per epoch)</source>
        <translation>훈련 (에포크별)</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>best epoch</source>
        <translation>최고 에포크</translation>
    </message>
    <message>
        <source>{0}: training dotted, validation dashed</source>
        <translation>{0}: 훈련은 점선, 검증은 파선</translation>
    </message>
</context>
<context>
    <name>AugmentPage</name>
    <message>
        <source>Flip left–right at random</source>
        <translation>무작위로 좌우 뒤집기</translation>
    </message>
    <message>
        <source>Flip upside down at random</source>
        <translation>무작위로 상하 뒤집기</translation>
    </message>
    <message>
        <source>nearest (repeat the edge)</source>
        <translation>nearest (가장자리 반복)</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>고정</translation>
    </message>
    <message>
        <source>reflect</source>
        <translation>reflect (반사)</translation>
    </message>
    <message>
        <source>wrap</source>
        <translation>wrap (감싸기)</translation>
    </message>
    <message>
        <source>Data augmentation (while training only)</source>
        <translation>데이터 증식 (훈련 중에만)</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>회전</translation>
    </message>
    <message>
        <source>Rotate by a random angle up to this many degrees</source>
        <translation>최대 이 각도(도)까지 무작위로 회전합니다</translation>
    </message>
    <message>
        <source>Width shift</source>
        <translation>너비 이동</translation>
    </message>
    <message>
        <source>Move left or right by up to this fraction of the width</source>
        <translation>너비의 최대 이 비율만큼 왼쪽이나 오른쪽으로 이동합니다</translation>
    </message>
    <message>
        <source>Height shift</source>
        <translation>높이 이동</translation>
    </message>
    <message>
        <source>Move up or down by up to this fraction of the height</source>
        <translation>높이의 최대 이 비율만큼 위나 아래로 이동합니다</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>확대/축소</translation>
    </message>
    <message>
        <source>Zoom in or out by up to this fraction</source>
        <translation>최대 이 비율만큼 확대하거나 축소합니다</translation>
    </message>
    <message>
        <source>Shear</source>
        <translation>기울이기</translation>
    </message>
    <message>
        <source>Slant by up to this many degrees</source>
        <translation>최대 이 각도(도)까지 비스듬히 기울입니다</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>밝기</translation>
    </message>
    <message>
        <source>Make lighter or darker by up to this fraction</source>
        <translation>최대 이 비율만큼 밝게 또는 어둡게 합니다</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>대비</translation>
    </message>
    <message>
        <source>Raise or lower the contrast by up to this fraction</source>
        <translation>최대 이 비율만큼 대비를 높이거나 낮춥니다</translation>
    </message>
    <message>
        <source>Horizontal flip</source>
        <translation>좌우 뒤집기</translation>
    </message>
    <message>
        <source>Mirror half of the images</source>
        <translation>이미지의 절반을 좌우로 뒤집습니다</translation>
    </message>
    <message>
        <source>Vertical flip</source>
        <translation>상하 뒤집기</translation>
    </message>
    <message>
        <source>Turn half of the images upside down</source>
        <translation>이미지의 절반을 위아래로 뒤집습니다</translation>
    </message>
    <message>
        <source>Fill mode</source>
        <translation>채우기 방식</translation>
    </message>
    <message>
        <source>What fills the corners that a rotation or shift uncovers</source>
        <translation>회전이나 이동으로 드러난 모서리를 무엇으로 채울지 정합니다</translation>
    </message>
    <message>
        <source>Fill value</source>
        <translation>채우기 값</translation>
    </message>
    <message>
        <source>The grey level of &apos;constant&apos; fill</source>
        <translation>&apos;constant&apos; 채우기의 회색 밝기</translation>
    </message>
    <message>
        <source>{0}. torchvision: ColorJitter(contrast); Keras has no such setting</source>
        <translation>{0}. torchvision: ColorJitter(contrast); Keras에는 이 설정이 없습니다</translation>
    </message>
    <message>
        <source>{0}. Keras: {1}</source>
        <translation>{0}. Keras: {1}</translation>
    </message>
    <message>
        <source>Preset: None</source>
        <translation>프리셋: 없음</translation>
    </message>
    <message>
        <source>Preset: Typical</source>
        <translation>프리셋: 일반</translation>
    </message>
    <message>
        <source>rotation 15°, shifts 10%, zoom 10%, horizontal flip, nearest fill</source>
        <translation>회전 15°, 이동 10%, 확대/축소 10%, 좌우 뒤집기, nearest 채우기</translation>
    </message>
    <message>
        <source>Roll again</source>
        <translation>다시 뽑기</translation>
    </message>
    <message>
        <source>Another image</source>
        <translation>다른 이미지</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <source>One training image and 16 random augmentations of it.</source>
        <translation>훈련 이미지 하나와 그 이미지를 무작위로 증식한 16개입니다.</translation>
    </message>
    <message>
        <source>Change augmentation</source>
        <translation>데이터 증식 변경</translation>
    </message>
    <message>
        <source>Augmentation preset</source>
        <translation>데이터 증식 프리셋</translation>
    </message>
    <message>
        <source>Load images on the Data page to see a preview.</source>
        <translation>미리 보기를 보려면 데이터 페이지에서 이미지를 불러오세요.</translation>
    </message>
    <message>
        <source>Image {0} of {1}, class “{2}”.</source>
        <translation>이미지 {0}/{1}, 클래스 “{2}”.</translation>
    </message>
    <message>
        <source>Augmentation is off: every copy is the same.</source>
        <translation>데이터 증식이 꺼져 있습니다: 모든 사본이 같습니다.</translation>
    </message>
    <message>
        <source>The {0} copies are one batch: N×C×H×W = {1}.</source>
        <translation>이 {0}장이 배치 하나입니다: N×C×H×W = {1}.</translation>
    </message>
</context>
<context>
    <name>CellPuzzleView</name>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>필터</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
</context>
<context>
    <name>ClassNames</name>
    <message>
        <source>circle</source>
        <translation>원</translation>
    </message>
    <message>
        <source>square</source>
        <translation>사각형</translation>
    </message>
    <message>
        <source>triangle</source>
        <translation>삼각형</translation>
    </message>
    <message>
        <source>star</source>
        <translation>별</translation>
    </message>
    <message>
        <source>cross</source>
        <translation>십자</translation>
    </message>
    <message>
        <source>bear</source>
        <translation>곰</translation>
    </message>
    <message>
        <source>bird</source>
        <translation>새</translation>
    </message>
    <message>
        <source>cat</source>
        <translation>고양이</translation>
    </message>
    <message>
        <source>cow</source>
        <translation>소</translation>
    </message>
    <message>
        <source>dog</source>
        <translation>개</translation>
    </message>
    <message>
        <source>elephant</source>
        <translation>코끼리</translation>
    </message>
    <message>
        <source>giraffe</source>
        <translation>기린</translation>
    </message>
    <message>
        <source>horse</source>
        <translation>말</translation>
    </message>
    <message>
        <source>sheep</source>
        <translation>양</translation>
    </message>
    <message>
        <source>zebra</source>
        <translation>얼룩말</translation>
    </message>
    <message>
        <source>T-shirt/top</source>
        <translation>티셔츠/상의</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>바지</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>풀오버</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>드레스</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>코트</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>샌들</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>셔츠</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>운동화</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>가방</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>앵클 부츠</translation>
    </message>
</context>
<context>
    <name>ClassResults</name>
    <message>
        <source>Export my progress</source>
        <translation>내 진도 내보내기</translation>
    </message>
    <message>
        <source>Your name, as your teacher should see it:</source>
        <translation>선생님이 볼 내 이름:</translation>
    </message>
    <message>
        <source>Progress files (*.cnnprogress)</source>
        <translation>진도 파일 (*.cnnprogress)</translation>
    </message>
    <message>
        <source>The file could not be written: {0}</source>
        <translation>파일을 쓸 수 없습니다: {0}</translation>
    </message>
</context>
<context>
    <name>ClassResultsDialog</name>
    <message>
        <source>Class results</source>
        <translation>학급 결과</translation>
    </message>
    <message>
        <source>Open students&apos; files…</source>
        <translation>학생 파일 열기…</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>CSV로 저장…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>In each cell: solved at the first try + solved with help / the lesson&apos;s exercises. Green: all at the first try; yellow: all solved.</source>
        <translation>각 칸: 한 번에 푼 문제 + 도움을 받아 푼 문제 / 수업의 연습 문제 수. 초록: 모두 한 번에 풂, 노랑: 모두 풂.</translation>
    </message>
    <message>
        <source>Files not in the table:</source>
        <translation>표에 넣지 못한 파일:</translation>
    </message>
    <message>
        <source>Open students&apos; files</source>
        <translation>학생 파일 열기</translation>
    </message>
    <message>
        <source>Progress files (*.cnnprogress)</source>
        <translation>진도 파일 (*.cnnprogress)</translation>
    </message>
    <message>
        <source>{0}, {1}: {2} at the first try, {3} with help, {4} tried but not solved, {5} not tried</source>
        <translation>{0}, {1}: 한 번에 {2}개, 도움을 받아 {3}개, 풀다 만 문제 {4}개, 시도하지 않은 문제 {5}개</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>학생</translation>
    </message>
    <message>
        <source>solved at the first try</source>
        <translation>한 번에 풂</translation>
    </message>
    <message>
        <source>solved with help</source>
        <translation>도움을 받아 풂</translation>
    </message>
    <message>
        <source>tried, not solved</source>
        <translation>시도했으나 못 풂</translation>
    </message>
    <message>
        <source>not tried</source>
        <translation>시도하지 않음</translation>
    </message>
    <message>
        <source>Save as CSV</source>
        <translation>CSV로 저장</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>The file could not be written: {0}</source>
        <translation>파일을 쓸 수 없습니다: {0}</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <source>PyTorch code of {0}</source>
        <translation>{0}의 PyTorch 코드</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>저장…</translation>
    </message>
    <message>
        <source>Save code</source>
        <translation>코드 저장</translation>
    </message>
    <message>
        <source>Python (*.py)</source>
        <translation>Python (*.py)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>저장하지 못함</translation>
    </message>
    <message>
        <source>Could not save {0}: {1}</source>
        <translation>{0} 저장 실패: {1}</translation>
    </message>
</context>
<context>
    <name>CodeNotes</name>
    <message>
        <source>{0}: {1} → {2}, {3} parameters</source>
        <translation>{0}: {1} → {2}, 파라미터 {3}개</translation>
    </message>
    <message>
        <source>{title} — a network exported from CNN Playground.

Input: {input} images (channels × height × width), pixels scaled to 0..1 and
normalised with MEAN and STD. Output: one score per class (softmax gives probabilities).
Parameters: {params}.

Run `python {{this file}} [CHECKPOINT]` to print the network (and load the weights of a
CNN Playground checkpoint or a plain state dict).</source>
        <translation>{title} — CNN Playground에서 내보낸 네트워크.

입력: {input} 이미지(채널 × 높이 × 너비). 픽셀을 0..1로 바꾸고
MEAN과 STD로 정규화합니다. 출력: 클래스마다 점수 하나(softmax를 거치면 확률).
파라미터: {params}개.

`python {{this file}} [CHECKPOINT]`로 실행하면 네트워크를 출력합니다(CNN Playground
체크포인트나 state_dict의 가중치도 불러옵니다).</translation>
    </message>
    <message>
        <source>a CNN Playground checkpoint</source>
        <translation>CNN Playground 체크포인트</translation>
    </message>
    <message>
        <source>uint8 N×C×H×W images -&gt; the normalised float input of the network.</source>
        <translation>uint8 N×C×H×W 이미지 → 정규화된 네트워크의 실수 입력.</translation>
    </message>
</context>
<context>
    <name>ConfusionPanel</name>
    <message>
        <source>Classify the validation set</source>
        <translation>검증 세트 분류</translation>
    </message>
    <message>
        <source>Shows, for every validation image, its true class against the network&apos;s answer.</source>
        <translation>검증 이미지마다 실제 클래스와 네트워크의 답을 비교해 보여 줍니다.</translation>
    </message>
    <message>
        <source>The size of the matrix&apos;s cells</source>
        <translation>행렬 칸의 크기</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>확대/축소</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>{0} images of “{1}” classified as “{2}”</source>
        <translation>“{1}” 이미지 {0}개가 “{2}”(으)로 분류됨</translation>
    </message>
    <message>
        <source>{0:,} validation images, {1:.1%} classified right, {2:,} mistakes. Rows: the true class; columns: the network&apos;s answer. Click a cell to see its images.</source>
        <translation>검증 이미지 {0:,}개, {1:.1%} 정답, 오답 {2:,}개. 행: 실제 클래스, 열: 네트워크의 답. 셀을 클릭하면 해당 이미지를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>→ {0} {1:.0%}</source>
        <translation>→ {0} {1:.0%}</translation>
    </message>
    <message>
        <source>{0} images of “{1}” classified right.</source>
        <translation>“{1}” 이미지 {0}개를 올바르게 분류했습니다.</translation>
    </message>
    <message>
        <source>{0} images of “{1}” that the network took for “{2}”.</source>
        <translation>네트워크가 “{2}”(으)로 잘못 본 “{1}” 이미지 {0}개.</translation>
    </message>
</context>
<context>
    <name>ConvolutionLab</name>
    <message>
        <source>Convolution</source>
        <translation>합성곱</translation>
    </message>
    <message>
        <source>Max pooling</source>
        <translation>최대 풀링</translation>
    </message>
    <message>
        <source>Average pooling</source>
        <translation>평균 풀링</translation>
    </message>
    <message>
        <source>Min pooling</source>
        <translation>최소 풀링</translation>
    </message>
    <message>
        <source>valid (none)</source>
        <translation>valid (패딩 없음)</translation>
    </message>
    <message>
        <source>same</source>
        <translation>Same 패딩</translation>
    </message>
    <message>
        <source>Show how often each input pixel is used</source>
        <translation>각 입력 픽셀이 몇 번 사용되는지 표시</translation>
    </message>
    <message>
        <source>Quiz me: I type each output cell before I see it</source>
        <translation>퀴즈: 출력 칸을 보기 전에 직접 입력하기</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>답</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>처음으로</translation>
    </message>
    <message>
        <source>Convolution lab</source>
        <translation>합성곱 실험실</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>연산</translation>
    </message>
    <message>
        <source>Input channels</source>
        <translation>입력 채널 수</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>필터</translation>
    </message>
    <message>
        <source>Input size</source>
        <translation>입력 크기</translation>
    </message>
    <message>
        <source>Filter / pool size</source>
        <translation>필터 / 풀링 크기</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>스트라이드</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>패딩</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>필터</translation>
    </message>
    <message>
        <source>Output (feature map)</source>
        <translation>출력 (특징 맵)</translation>
    </message>
    <message>
        <source>Output: {0} feature maps, one per filter</source>
        <translation>출력: 특징 맵 {0}개, 필터마다 하나</translation>
    </message>
    <message>
        <source>Channel {0}</source>
        <translation>채널 {0}</translation>
    </message>
    <message>
        <source>Filter {0} · ch. {1}</source>
        <translation>필터 {0} · 채널 {1}</translation>
    </message>
    <message>
        <source>row {0}, column {1}: {2!r} is not a number</source>
        <translation>{0}행 {1}열: {2!r}은(는) 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>Output size: {0}</source>
        <translation>출력 크기: {0}</translation>
    </message>
    <message>
        <source>A pooling layer learns no parameters: its rule (the largest, the mean or the smallest value of each window) is fixed.</source>
        <translation>풀링 층에는 학습할 파라미터가 없습니다: 규칙(각 윈도우의 가장 큰 값, 평균, 가장 작은 값)이 정해져 있습니다.</translation>
    </message>
    <message>
        <source>{0} filter(s) here learn {1} parameters; a dense layer making the same {2} outputs from these {3} inputs would learn {4}.</source>
        <translation>여기서 필터 {0}개의 학습할 파라미터는 {1}개입니다. 같은 입력 {3}개로 같은 출력 {2}개를 만드는 Dense 층이라면 학습할 파라미터가 {4}개입니다.</translation>
    </message>
    <message>
        <source>Press Step to slide the window over the input.</source>
        <translation>“한 단계”를 누르면 윈도우가 입력 위를 이동합니다.</translation>
    </message>
    <message>
        <source>What number goes in output cell [{0}, {1}]? Type it below.</source>
        <translation>출력 칸 [{0}, {1}]에 들어갈 숫자는 무엇일까요? 아래에 입력하세요.</translation>
    </message>
    <message>
        <source>What number goes in cell [{0}, {1}] of map 1? Type it below.</source>
        <translation>맵 1의 칸 [{0}, {1}]에 들어갈 숫자는 무엇일까요? 아래에 입력하세요.</translation>
    </message>
    <message>
        <source>Output [{0}, {1}]: {2}</source>
        <translation>출력 [{0}, {1}]: {2}</translation>
    </message>
    <message>
        <source>Map {0} [{1}, {2}]: {3}</source>
        <translation>맵 {0} [{1}, {2}]: {3}</translation>
    </message>
    <message>
        <source>{0} Hint: {1}</source>
        <translation>{0} 힌트: {1}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 중지</translation>
    </message>
</context>
<context>
    <name>Correction</name>
    <message>
        <source>This is really…</source>
        <translation>사실은 이것…</translation>
    </message>
    <message>
        <source>The project&apos;s images are a built-in dataset, which cannot take new images. On the Data page, press “New dataset from my images” to make classes of your own.</source>
        <translation>프로젝트의 이미지가 내장 데이터셋이라 새 이미지를 넣을 수 없습니다. 데이터 페이지에서 “내 이미지로 새 데이터셋”을 눌러 나만의 클래스를 만드세요.</translation>
    </message>
    <message>
        <source>{0} is a folder of yours, not one the app made. Copy the image into its class “{1}”?</source>
        <translation>{0}은(는) 앱이 만든 폴더가 아니라 사용자의 폴더입니다. 이미지를 그 폴더의 클래스 “{1}”에 복사할까요?</translation>
    </message>
    <message>
        <source>Not added:
{0}</source>
        <translation>추가하지 못함:
{0}</translation>
    </message>
    <message>
        <source>Put a copy of this image into the right class of the training data</source>
        <translation>이 이미지의 복사본을 훈련 데이터의 올바른 클래스에 넣습니다</translation>
    </message>
    <message>
        <source>(the project&apos;s images are not a folder of classes)</source>
        <translation>(프로젝트의 이미지가 클래스 폴더가 아닙니다)</translation>
    </message>
    <message>
        <source>Choose an image first.</source>
        <translation>먼저 이미지를 고르세요.</translation>
    </message>
    <message>
        <source>Images added to the training data since the last run started: {0}. The next run learns from them.</source>
        <translation>마지막 실행을 시작한 뒤 훈련 데이터에 추가된 이미지: {0}장. 다음 실행에서 이 이미지들로 훈련합니다.</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>{0} (not installed)</source>
        <translation>{0} (설치되지 않음)</translation>
    </message>
    <message>
        <source>Not installed: {0}</source>
        <translation>설치되지 않음: {0}</translation>
    </message>
    <message>
        <source>Open a folder…</source>
        <translation>폴더 열기…</translation>
    </message>
    <message>
        <source>A folder with one subfolder per class (cats/, dogs/, …); or drop it on the window</source>
        <translation>클래스마다 하위 폴더가 하나씩 있는 폴더 (cats/, dogs/, …). 창에 끌어다 놓아도 됩니다</translation>
    </message>
    <message>
        <source>New dataset from my images</source>
        <translation>내 이미지로 새 데이터셋 만들기</translation>
    </message>
    <message>
        <source>Make classes here and drop image files onto them</source>
        <translation>여기서 클래스를 만들고 이미지 파일을 끌어다 놓으세요</translation>
    </message>
    <message>
        <source>Grayscale (1 channel)</source>
        <translation>흑백 (1채널)</translation>
    </message>
    <message>
        <source>Colour RGB (3 channels)</source>
        <translation>컬러 RGB (3채널)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Load again</source>
        <translation>다시 불러오기</translation>
    </message>
    <message>
        <source>Add class</source>
        <translation>클래스 추가</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>이름 바꾸기</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Add images…</source>
        <translation>이미지 추가…</translation>
    </message>
    <message>
        <source>Record with the camera…</source>
        <translation>카메라로 녹화…</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>Network input</source>
        <translation>네트워크 입력</translation>
    </message>
    <message>
        <source>Validation split</source>
        <translation>검증 비율</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>클래스</translation>
    </message>
    <message>
        <source>Drop image files onto a class to add them.</source>
        <translation>이미지 파일을 클래스 위에 끌어다 놓으면 추가됩니다.</translation>
    </message>
    <message>
        <source>Images as the network sees them</source>
        <translation>네트워크가 보는 이미지</translation>
    </message>
    <message>
        <source>Class balance</source>
        <translation>클래스 균형</translation>
    </message>
    <message>
        <source>Change data</source>
        <translation>데이터 변경</translation>
    </message>
    <message>
        <source>A folder with one subfolder per class</source>
        <translation>클래스마다 하위 폴더가 하나씩 있는 폴더</translation>
    </message>
    <message>
        <source>Class 1</source>
        <translation>클래스 1</translation>
    </message>
    <message>
        <source>Class 2</source>
        <translation>클래스 2</translation>
    </message>
    <message>
        <source>Could not make a dataset folder in {0}: {1}</source>
        <translation>{0}에 데이터셋 폴더를 만들 수 없습니다: {1}</translation>
    </message>
    <message>
        <source>This dataset is not one the app made, so it is left as it is. Press “New dataset from my images” to make classes and add images to them.</source>
        <translation>이 데이터셋은 앱에서 만든 것이 아니므로 그대로 둡니다. 클래스를 만들고 이미지를 추가하려면 “내 이미지로 새 데이터셋 만들기”를 누르세요.</translation>
    </message>
    <message>
        <source>Name of the new class:</source>
        <translation>새 클래스 이름:</translation>
    </message>
    <message>
        <source>Rename class</source>
        <translation>클래스 이름 바꾸기</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>새 이름:</translation>
    </message>
    <message>
        <source>Remove class</source>
        <translation>클래스 제거</translation>
    </message>
    <message>
        <source>Remove the class “{0}” and the copies of its images?</source>
        <translation>클래스 “{0}” 및 그 이미지 사본을 제거할까요?</translation>
    </message>
    <message>
        <source>Could not remove {0}: {1}</source>
        <translation>{0} 제거 실패: {1}</translation>
    </message>
    <message>
        <source>Drop the images onto one of the classes in the list.</source>
        <translation>목록에 있는 클래스 중 하나에 이미지를 끌어다 놓으세요.</translation>
    </message>
    <message>
        <source>Images for {0}</source>
        <translation>{0} 클래스에 추가할 이미지</translation>
    </message>
    <message>
        <source>Not added:
{0}</source>
        <translation>추가하지 못함:
{0}</translation>
    </message>
    <message>
        <source>Loading images…</source>
        <translation>이미지 불러오는 중…</translation>
    </message>
    <message>
        <source>Loading images… {0} of {1}</source>
        <translation>이미지 불러오는 중… {0}/{1}</translation>
    </message>
    <message>
        <source>{0} images in {1} classes, each {2} (channels × height × width).</source>
        <translation>이미지 {0}개, 클래스 {1}개, 각 이미지 {2} (채널 × 높이 × 너비).</translation>
    </message>
    <message>
        <source>Loading was cancelled. Press “Load again” to load the images.</source>
        <translation>불러오기가 취소되었습니다. 이미지를 불러오려면 “다시 불러오기”를 누르세요.</translation>
    </message>
    <message>
        <source>{0}   ({1} images)</source>
        <translation>{0}   (이미지 {1}개)</translation>
    </message>
    <message>
        <source>{0}% validation (about {1} images), {2}% training (about {3})</source>
        <translation>검증 {0}% (이미지 약 {1}개), 훈련 {2}% (약 {3}개)</translation>
    </message>
    <message>
        <source>Skipped files ({0}), not used:</source>
        <translation>건너뛴 파일 ({0}개), 사용하지 않음:</translation>
    </message>
    <message>
        <source>{0}: showing {1} of {2}</source>
        <translation>{0}: {2}개 중 {1}개 표시</translation>
    </message>
    <message>
        <source>Folder: {0}</source>
        <translation>폴더: {0}</translation>
    </message>
</context>
<context>
    <name>DefaultProject</name>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
</context>
<context>
    <name>DigitWalkthrough</name>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Another digit</source>
        <translation>다른 숫자</translation>
    </message>
    <message>
        <source>Loading the network…</source>
        <translation>네트워크를 불러오는 중…</translation>
    </message>
    <message>
        <source>Use the LeNet-5 that comes with the app</source>
        <translation>앱에 들어 있는 LeNet-5 쓰기</translation>
    </message>
    <message>
        <source>Draw a digit with the mouse:</source>
        <translation>마우스로 숫자를 그려 보세요:</translation>
    </message>
    <message>
        <source>or digit number</source>
        <translation>또는 숫자 번호</translation>
    </message>
    <message>
        <source>from scikit-learn&apos;s set of 1,797</source>
        <translation>(사이킷런 숫자 1,797개 중에서)</translation>
    </message>
    <message>
        <source>Click a cell of a feature map to see how it was computed.</source>
        <translation>특징 맵의 칸을 클릭하면 그 값이 어떻게 계산되었는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>What the network says:</source>
        <translation>네트워크의 답:</translation>
    </message>
    <message>
        <source>Network: {0}, the LeNet-5 trained on digits that comes with the app.</source>
        <translation>네트워크: {0}. 앱에 들어 있는, 숫자로 훈련된 LeNet-5입니다.</translation>
    </message>
    <message>
        <source>Network: your model {0} ({1} classes).</source>
        <translation>네트워크: 내 모델 {0} (클래스 {1}개).</translation>
    </message>
    <message>
        <source>Input: the digit as the network sees it, {0}×{1}×{2}</source>
        <translation>입력: 네트워크가 보는 그대로의 숫자, {0}×{1}×{2}</translation>
    </message>
    <message>
        <source>Layer {0}: {1} → {2}</source>
        <translation>{0}번째 층: {1} → {2}</translation>
    </message>
    <message>
        <source>Feature map {0}</source>
        <translation>특징 맵 {0}</translation>
    </message>
    <message>
        <source>(the first {0} of {1} maps)</source>
        <translation>(맵 {1}개 중 처음 {0}개)</translation>
    </message>
    <message>
        <source>{0} values, in rows of {1}</source>
        <translation>값 {0}개, 한 줄에 {1}개씩</translation>
    </message>
    <message>
        <source>Layer {0} has no weights and no window: it passes its input on as it is (a flatten lays the maps end to end).</source>
        <translation>{0}번째 층에는 가중치도 윈도우도 없습니다. 입력을 그대로 넘깁니다(평면화(Flatten)는 맵들을 한 줄로 이어 붙입니다).</translation>
    </message>
    <message>
        <source>Input map {0}</source>
        <translation>입력 맵 {0}</translation>
    </message>
    <message>
        <source>Layer {0}, feature map {1}, row {2}, column {3}: its {4}×{5} window on the layer below (marked), times the filter&apos;s learned weights, plus the bias.</source>
        <translation>{0}번째 층, 특징 맵 {1}, {2}행 {3}열: 아래 층 위의 {4}×{5} 윈도우(표시된 곳)에 필터의 학습된 가중치를 곱하고 편향을 더한 값입니다.</translation>
    </message>
    <message>
        <source>Channel {0}: {1} = {2}</source>
        <translation>채널 {0}: {1} = {2}</translation>
    </message>
    <message>
        <source>Sum: {0} + bias {1} = {2}</source>
        <translation>합: {0} + 편향 {1} = {2}</translation>
    </message>
    <message>
        <source>No activation: {0} is the value the next layer sees.</source>
        <translation>활성화 함수 없음: 다음 층이 보는 값은 {0}입니다.</translation>
    </message>
    <message>
        <source>Activation {0}({1}) = {2}: the value the next layer sees.</source>
        <translation>활성화 {0}({1}) = {2}: 다음 층이 보는 값입니다.</translation>
    </message>
    <message>
        <source>Max pooling keeps the largest value of its window: max({0}) = {1}.</source>
        <translation>최대 풀링은 윈도우에서 가장 큰 값을 남깁니다: 최댓값({0}) = {1}.</translation>
    </message>
    <message>
        <source>Average pooling keeps the mean of its window: mean({0}) = {1}.</source>
        <translation>평균 풀링은 윈도우의 평균을 남깁니다: 평균({0}) = {1}.</translation>
    </message>
    <message>
        <source>Min pooling keeps the smallest value of its window: min({0}) = {1}.</source>
        <translation>최소 풀링은 윈도우에서 가장 작은 값을 남깁니다: 최솟값({0}) = {1}.</translation>
    </message>
    <message>
        <source>Layer {0}, map {1}, row {2}, column {3}: its {4}×{5} window on map {1} of the layer below (marked). Pooling has nothing to learn.</source>
        <translation>{0}번째 층, 맵 {1}, {2}행 {3}열: 아래 층 맵 {1} 위의 {4}×{5} 윈도우(표시된 곳). 풀링에는 학습할 파라미터가 없습니다.</translation>
    </message>
    <message>
        <source>input {0} (map {1}, row {2}, column {3}): {4} × {5} = {6}</source>
        <translation>입력 {0}(맵 {1}, {2}행 {3}열): {4} × {5} = {6}</translation>
    </message>
    <message>
        <source>Output unit {0}, class “{1}”: every one of the {2} inputs times its learned weight, plus the bias. The largest contributions:</source>
        <translation>출력 유닛 {0}, 클래스 “{1}”: 입력 {2}개 하나하나에 학습된 가중치를 곱해 더하고 편향을 더합니다. 가장 크게 기여한 입력:</translation>
    </message>
    <message>
        <source>Layer {0}, unit {1}: every one of the {2} inputs times its learned weight, plus the bias. The largest contributions:</source>
        <translation>{0}번째 층, 유닛 {1}: 입력 {2}개 하나하나에 학습된 가중치를 곱해 더하고 편향을 더합니다. 가장 크게 기여한 입력:</translation>
    </message>
    <message>
        <source>input {0}: {1} × {2} = {3}</source>
        <translation>입력 {0}: {1} × {2} = {3}</translation>
    </message>
    <message>
        <source>the other {0} inputs together: {1}</source>
        <translation>나머지 입력 {0}개의 합: {1}</translation>
    </message>
    <message>
        <source>bias: {0}</source>
        <translation>편향: {0}</translation>
    </message>
    <message>
        <source>sum: {0}</source>
        <translation>합: {0}</translation>
    </message>
    <message>
        <source>This sum is the class&apos;s score; softmax turns the scores of all classes into probabilities: {0:.1%} for “{1}”.</source>
        <translation>이 합이 클래스의 점수입니다. softmax가 모든 클래스의 점수를 확률로 바꿉니다: “{1}”일 확률 {0:.1%}.</translation>
    </message>
</context>
<context>
    <name>DoctorDialog</name>
    <message>
        <source>Check this computer</source>
        <translation>이 컴퓨터 점검</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Copy the report</source>
        <translation>보고서 복사</translation>
    </message>
</context>
<context>
    <name>ExampleNames</name>
    <message>
        <source>LeNet-5 on digits</source>
        <translation>숫자를 배우는 LeNet-5</translation>
    </message>
    <message>
        <source>Small VGG-style CNN on shapes</source>
        <translation>도형을 배우는 작은 VGG 방식 CNN</translation>
    </message>
    <message>
        <source>Dense-only network on shapes (compare with the CNN)</source>
        <translation>Dense 층만 쓰는 도형 네트워크 (CNN과 비교)</translation>
    </message>
    <message>
        <source>Overfit on purpose: a large dense head on 1,000 shapes</source>
        <translation>일부러 과대 적합: 도형 1,000장에 큰 Dense 헤드</translation>
    </message>
    <message>
        <source>Fashion-MNIST, fast recipe</source>
        <translation>Fashion-MNIST, 빠른 훈련법</translation>
    </message>
    <message>
        <source>Few images, from scratch: a small CNN on 10 clothes photos per class</source>
        <translation>적은 이미지, 처음부터: 클래스마다 옷 사진 10장으로 훈련하는 작은 CNN</translation>
    </message>
    <message>
        <source>Few images, pretrained: Playground Mini fine-tuned on 10 clothes photos per class</source>
        <translation>적은 이미지, 사전 훈련된 네트워크: 클래스마다 옷 사진 10장으로 미세 조정한 Playground Mini</translation>
    </message>
    <message>
        <source>an example that comes with the app</source>
        <translation>앱에 들어 있는 예제</translation>
    </message>
</context>
<context>
    <name>ExercisesPanel</name>
    <message>
        <source>New numbers</source>
        <translation>새 숫자</translation>
    </message>
    <message>
        <source>Worksheet and results</source>
        <translation>연습지와 결과</translation>
    </message>
    <message>
        <source>Print worksheet…</source>
        <translation>연습지 인쇄…</translation>
    </message>
    <message>
        <source>This lesson&apos;s exercises as an A4 PDF with fixed numbers, or its answer key</source>
        <translation>이 수업의 연습 문제를 숫자가 고정된 A4 인쇄용 문서로, 또는 그 정답지로 만듭니다</translation>
    </message>
    <message>
        <source>Export my progress…</source>
        <translation>내 진도 내보내기…</translation>
    </message>
    <message>
        <source>Class results…</source>
        <translation>학급 결과…</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>답</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Show the worked answer</source>
        <translation>풀이 보기</translation>
    </message>
    <message>
        <source>Next exercise</source>
        <translation>다음 문제</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Your progress could not be saved in {0}.</source>
        <translation>진행 상황을 {0}에 저장하지 못했습니다.</translation>
    </message>
    <message>
        <source>Hint: {0}</source>
        <translation>힌트: {0}</translation>
    </message>
    <message>
        <source>Worked answer: {0}</source>
        <translation>풀이: {0}</translation>
    </message>
    <message>
        <source>The answer is shown: press New numbers to try this exercise again.</source>
        <translation>풀이를 보았습니다. 새 숫자를 눌러 이 문제를 다시 풀어 보세요.</translation>
    </message>
    <message>
        <source>Solved at the first try</source>
        <translation>한 번에 풂</translation>
    </message>
    <message>
        <source>Solved with help</source>
        <translation>도움을 받아 풂</translation>
    </message>
    <message>
        <source>Not solved yet</source>
        <translation>아직 풀지 않음</translation>
    </message>
    <message>
        <source>Solved {0} of {1}</source>
        <translation>{1}문제 중 {0}문제 풂</translation>
    </message>
</context>
<context>
    <name>ExplainPanel</name>
    <message>
        <source>Feature maps</source>
        <translation>특징 맵</translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>필터</translation>
    </message>
    <message>
        <source>Why this class?</source>
        <translation>왜 이 클래스일까요?</translation>
    </message>
    <message>
        <source>Looking at layer</source>
        <translation>살펴볼 층</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>합성곱</translation>
    </message>
    <message>
        <source>Input channel</source>
        <translation>입력 채널</translation>
    </message>
    <message>
        <source>Select a classified image to see what each layer made of it.</source>
        <translation>분류된 이미지를 선택하면 각 층이 그 이미지로 무엇을 만들었는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Select a classified image to see where the network looked.</source>
        <translation>분류된 이미지를 선택하면 네트워크가 어디를 보았는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>The filters appear once a model is there.</source>
        <translation>모델이 생기면 필터가 표시됩니다.</translation>
    </message>
    <message>
        <source>Base block {0}</source>
        <translation>베이스 블록 {0}</translation>
    </message>
    <message>
        <source>the first {0} of {1} maps</source>
        <translation>맵 {1}개 중 처음 {0}개</translation>
    </message>
    <message>
        <source>{0}: {1} feature maps of {2}×{3}, one per filter; bright = strong response. {4}</source>
        <translation>{0}: {2}×{3} 특징 맵 {1}개, 필터마다 하나. 밝을수록 강한 반응입니다. {4}</translation>
    </message>
    <message>
        <source>Map {0}: {1}×{2}, values {3:.3g} to {4:.3g}</source>
        <translation>맵 {0}: {1}×{2}, 값 {3:.3g} ~ {4:.3g}</translation>
    </message>
    <message>
        <source>Nothing in this image speaks for “{0}” at this layer.</source>
        <translation>이 층에서는 이 이미지의 어느 곳도 “{0}”의 근거가 되지 않습니다.</translation>
    </message>
    <message>
        <source>Red: the places that most raise the score of “{0}” (Grad-CAM: the layer&apos;s feature maps, weighted by how much the score grows with each). Blue: places that do not.</source>
        <translation>빨간색: “{0}”의 점수를 가장 많이 높이는 곳 (Grad-CAM: 층의 특징 맵을, 각 맵에 따라 점수가 얼마나 커지는지로 가중한 것). 파란색: 그렇지 않은 곳.</translation>
    </message>
    <message>
        <source>{0} filters of {1}×{2}×{3}: what the first layer looks for in the pixels (edges, colours, blobs). Bright = a large weight, dark = a negative one.</source>
        <translation>{1}×{2}×{3} 필터 {0}개: 첫 번째 층이 픽셀에서 찾는 것 (경계선, 색, 얼룩). 밝음 = 큰 가중치, 어두움 = 음수 가중치.</translation>
    </message>
    <message>
        <source>{0} filters of {1}×{2}×{3}. Each is as deep as its input ({1} channels): shown is the slice that looks at input channel {4}.</source>
        <translation>{1}×{2}×{3} 필터 {0}개. 각 필터의 깊이는 입력과 같습니다 ({1}채널). 여기에는 입력 채널 {4}을(를) 보는 단면이 표시됩니다.</translation>
    </message>
</context>
<context>
    <name>FigureView</name>
    <message>
        <source>Export SVG…</source>
        <translation>SVG로 내보내기…</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG로 내보내기…</translation>
    </message>
    <message>
        <source>Show a sample&apos;s output</source>
        <translation>샘플의 출력 보기</translation>
    </message>
    <message>
        <source>Runs one image from the project&apos;s data (or a built-in digit) through the network and draws each layer&apos;s first feature map inside its box.</source>
        <translation>프로젝트 데이터의 이미지 한 장(없으면 내장 숫자 이미지)을 네트워크에 통과시키고, 각 층의 첫 번째 특징 맵을 그 상자 안에 그립니다.</translation>
    </message>
    <message>
        <source>Red: the first layer that cannot work, and every layer after it.</source>
        <translation>빨간색: 동작할 수 없는 첫 번째 층과 그 뒤의 모든 층.</translation>
    </message>
    <message>
        <source>Each box is one layer&apos;s output: its height follows H, its depth W and its thickness the channels C (compressed scales). Bars are flat vectors.</source>
        <translation>각 상자는 한 층의 출력입니다. 높이는 H, 깊이는 W, 두께는 채널 수 C를 따릅니다(압축된 축척). 막대는 평탄한 벡터입니다.</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>{0} ({1} blocks)</source>
        <translation>{0} (블록 {1}개)</translation>
    </message>
    <message>
        <source>A sample&apos;s output needs a valid network and known classes.</source>
        <translation>샘플의 출력을 보려면 네트워크가 올바르고 클래스 수를 알아야 합니다.</translation>
    </message>
    <message>
        <source>Running a sample through the network…</source>
        <translation>샘플을 네트워크에 통과시키는 중…</translation>
    </message>
    <message>
        <source>Each box shows a sample&apos;s output with the trained weights.</source>
        <translation>각 상자는 훈련된 가중치로 계산한 샘플의 출력을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Each box shows a sample&apos;s output, untrained: fresh weights (train the network to see what it learned).</source>
        <translation>각 상자는 샘플의 출력을 보여 줍니다. 훈련 전: 새로 초기화한 가중치입니다(네트워크를 훈련하면 배운 내용이 보입니다).</translation>
    </message>
    <message>
        <source>The sample is a built-in digit, not an image of the project&apos;s data: load the data on the Data page to see its first image here.</source>
        <translation>샘플은 프로젝트 데이터의 이미지가 아니라 앱에 들어 있는 숫자입니다. 데이터 페이지에서 데이터를 불러오면 여기에 그 첫 이미지가 나옵니다.</translation>
    </message>
    <message>
        <source>No sample&apos;s output: {0}</source>
        <translation>샘플의 출력 없음: {0}</translation>
    </message>
    <message>
        <source>The network as feature maps</source>
        <translation>특징 맵으로 본 네트워크</translation>
    </message>
    <message>
        <source>Export the figure</source>
        <translation>그림 내보내기</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG 이미지 (*.svg)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Could not write {0}.</source>
        <translation>{0}에 쓸 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>FlatteningDemo</name>
    <message>
        <source>The same digit, moved one pixel to the right. A Dense layer reads the image flattened, row after row; a convolution slides one filter over it.</source>
        <translation>같은 숫자를 오른쪽으로 한 픽셀 옮겼습니다. Dense 층은 이미지를 행 순서대로 평면화해서 읽고, 합성곱은 필터 하나를 그 위로 움직입니다.</translation>
    </message>
    <message>
        <source>Digit</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>The digit</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>Moved one pixel right</source>
        <translation>오른쪽으로 한 픽셀 옮김</translation>
    </message>
    <message>
        <source>Feature map (Vertical edges)</source>
        <translation>특징 맵 (세로 경계선)</translation>
    </message>
    <message>
        <source>Feature map of the moved digit</source>
        <translation>옮긴 숫자의 특징 맵</translation>
    </message>
    <message>
        <source>Flattened: the digit</source>
        <translation>평면화: 숫자</translation>
    </message>
    <message>
        <source>Flattened: the moved digit</source>
        <translation>평면화: 옮긴 숫자</translation>
    </message>
    <message>
        <source>Changed inputs (red)</source>
        <translation>바뀐 입력 (빨강)</translation>
    </message>
    <message>
        <source>{0} of the {1} inputs a Dense layer reads changed: {2:.0%} of the {3} that hold ink. To a Dense layer the moved digit is a different input, and what it learned at one position does not help at the next.</source>
        <translation>Dense 층이 읽는 입력 {1}개 중 {0}개가 바뀌었습니다. 잉크가 있는 {3}개 중 {2:.0%}입니다. Dense 층에는 옮긴 숫자가 다른 입력이고, 한 위치에서 배운 것이 다음 위치에서는 도움이 되지 않습니다.</translation>
    </message>
    <message>
        <source>The feature map moved one pixel too, every value the same: the filter finds the same pattern.</source>
        <translation>특징 맵도 한 픽셀 옮겨 갔고 값은 모두 같습니다. 필터는 같은 패턴을 찾습니다.</translation>
    </message>
</context>
<context>
    <name>ImageLab</name>
    <message>
        <source>Vertical edges</source>
        <translation>세로 경계선</translation>
    </message>
    <message>
        <source>Horizontal edges</source>
        <translation>가로 경계선</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>윤곽선</translation>
    </message>
    <message>
        <source>Sharpen</source>
        <translation>선명하게</translation>
    </message>
    <message>
        <source>Blur</source>
        <translation>흐리게</translation>
    </message>
    <message>
        <source>A digit drawn by the app</source>
        <translation>앱이 그린 숫자</translation>
    </message>
    <message>
        <source>A picture of my own</source>
        <translation>내 이미지</translation>
    </message>
    <message>
        <source>Open a picture…</source>
        <translation>이미지 열기…</translation>
    </message>
    <message>
        <source>Filter a picture</source>
        <translation>이미지에 필터 적용</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>Digit</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>시작 필터</translation>
    </message>
    <message>
        <source>Filter size</source>
        <translation>필터 크기</translation>
    </message>
    <message>
        <source>Filter (type your own numbers):</source>
        <translation>필터 (숫자를 직접 입력하세요):</translation>
    </message>
    <message>
        <source>Feature map</source>
        <translation>특징 맵</translation>
    </message>
    <message>
        <source>Open a picture</source>
        <translation>이미지 열기</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</source>
        <translation>이미지 (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</translation>
    </message>
    <message>
        <source>{0} could not be read as a picture.</source>
        <translation>{0}을(를) 이미지로 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>Each pixel of the feature map is one multiply-add of the filter on the picture (&apos;same&apos; padding). Black is its smallest value ({0}), white its largest ({1}).</source>
        <translation>특징 맵의 각 픽셀은 이미지 위에서 필터로 한 번 곱하고 더한 값입니다(Same 패딩). 검은색은 가장 작은 값({0}), 흰색은 가장 큰 값({1})입니다.</translation>
    </message>
</context>
<context>
    <name>LearnPage</name>
    <message>
        <source>Lessons</source>
        <translation>수업</translation>
    </message>
    <message>
        <source>Convolution lab</source>
        <translation>합성곱 실험실</translation>
    </message>
    <message>
        <source>Pipeline lab</source>
        <translation>파이프라인 실험실</translation>
    </message>
    <message>
        <source>Image lab</source>
        <translation>이미지 실험실</translation>
    </message>
    <message>
        <source>Flattening</source>
        <translation>평면화</translation>
    </message>
    <message>
        <source>Digit walk-through</source>
        <translation>숫자 따라가기</translation>
    </message>
    <message>
        <source>Teacher&apos;s guide</source>
        <translation>교사용 안내서</translation>
    </message>
</context>
<context>
    <name>LessonsPanel</name>
    <message>
        <source>Try it</source>
        <translation>직접 해 보기</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>수업</translation>
    </message>
    <message>
        <source>Exercises</source>
        <translation>연습 문제</translation>
    </message>
    <message>
        <source>Exercises ({0}/{1})</source>
        <translation>연습 문제 ({0}/{1})</translation>
    </message>
</context>
<context>
    <name>LiveDialog</name>
    <message>
        <source>Live prediction</source>
        <translation>실시간 예측</translation>
    </message>
</context>
<context>
    <name>LivePanel</name>
    <message>
        <source>Start camera</source>
        <translation>카메라 시작</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>좌우 반전</translation>
    </message>
    <message>
        <source>Choose a camera (or a video) and press “Start camera”.</source>
        <translation>카메라(또는 동영상)를 고르고 “카메라 시작”을 누르세요.</translation>
    </message>
    <message>
        <source>Freeze and explain</source>
        <translation>멈추고 설명 보기</translation>
    </message>
    <message>
        <source>Stop on this frame: it joins the table, where Grad-CAM shows where the network looked</source>
        <translation>이 프레임에서 멈춥니다: 프레임이 표에 추가되고, Grad-CAM이 네트워크가 어디를 보았는지 보여 줍니다</translation>
    </message>
    <message>
        <source>No model yet: train one on the Train page, or open a checkpoint.</source>
        <translation>아직 모델이 없습니다: 훈련 페이지에서 훈련하거나 체크포인트를 여세요.</translation>
    </message>
    <message>
        <source>No camera found: play a video file or a folder of images</source>
        <translation>카메라를 찾지 못했습니다: 동영상 파일이나 이미지 폴더를 재생하세요</translation>
    </message>
    <message>
        <source>Stop camera</source>
        <translation>카메라 정지</translation>
    </message>
    <message>
        <source>The network says “{0}”.</source>
        <translation>네트워크의 답: “{0}”.</translation>
    </message>
    <message>
        <source>{0:.1f} frames/s</source>
        <translation>초당 {0:.1f}프레임</translation>
    </message>
    <message>
        <source>Camera frame {0}</source>
        <translation>카메라 프레임 {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CNN Playground projects (*.json);;All files (*)</source>
        <translation>CNN Playground 프로젝트 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>CNN Playground projects and bundles (*.json *.cnnpg);;All files (*)</source>
        <translation>CNN Playground 프로젝트와 번들 (*.json *.cnnpg);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>CNN Playground bundles (*.cnnpg)</source>
        <translation>CNN Playground 번들 (*.cnnpg)</translation>
    </message>
    <message>
        <source>Project bundle</source>
        <translation>프로젝트 번들</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Augment</source>
        <translation>증식</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>훈련 시작</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>배우기</translation>
    </message>
    <message>
        <source>Device: loading PyTorch…</source>
        <translation>장치: PyTorch 불러오는 중…</translation>
    </message>
    <message>
        <source>PyTorch failed: {0}</source>
        <translation>PyTorch를 불러오지 못했습니다: {0}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Export training &amp;job…</source>
        <translation>훈련 작업 내보내기(&amp;J)…</translation>
    </message>
    <message>
        <source>Export project &amp;bundle…</source>
        <translation>프로젝트 번들 내보내기(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>전체 화면(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>키보드 단축키(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Check this computer…</source>
        <translation>이 컴퓨터 점검(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;About CNN Playground</source>
        <translation>CNN Playground 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Where to put the training job</source>
        <translation>훈련 작업을 둘 위치</translation>
    </message>
    <message>
        <source>Training job not written</source>
        <translation>훈련 작업을 쓰지 못했습니다</translation>
    </message>
    <message>
        <source>Training job written to {0}: copy it to the machine that trains and run train.sh there (its README.txt says how).</source>
        <translation>훈련 작업을 {0}에 썼습니다: 훈련할 컴퓨터로 복사한 뒤 그곳에서 train.sh를 실행하세요 (방법은 README.txt에 있습니다).</translation>
    </message>
    <message>
        <source>The interface language changes the next time CNN Playground starts.</source>
        <translation>인터페이스 언어는 CNN Playground를 다음에 시작할 때 바뀝니다.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Data, Augment, Model, Train, Predict, Learn pages</source>
        <translation>데이터, 증식, 모델, 훈련, 예측, 배우기 페이지</translation>
    </message>
    <message>
        <source>Delete the selected layer</source>
        <translation>선택한 층 삭제</translation>
    </message>
    <message>
        <source>Duplicate the selected layer</source>
        <translation>선택한 층 복제</translation>
    </message>
    <message>
        <source>New, open, save project</source>
        <translation>프로젝트 새로 만들기, 열기, 저장</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>키보드 단축키</translation>
    </message>
    <message>
        <source>About CNN Playground</source>
        <translation>CNN Playground 정보</translation>
    </message>
    <message>
        <source>&lt;b&gt;CNN Playground {0}&lt;/b&gt;&lt;p&gt;Build, train and explain convolutional neural networks, offline.&lt;/p&gt;</source>
        <translation>&lt;b&gt;CNN Playground {0}&lt;/b&gt;&lt;p&gt;합성곱 신경망을 오프라인에서 만들고, 훈련하고, 설명해 보세요.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>아직 저장하지 않음</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>저장됨</translation>
    </message>
    <message>
        <source>Device: {0}</source>
        <translation>장치: {0}</translation>
    </message>
    <message>
        <source>Autosave failed: {0}</source>
        <translation>자동 저장 실패: {0}</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>저장하지 않은 작업을 복구할까요?</translation>
    </message>
    <message>
        <source>CNN Playground closed unexpectedly. Recover the unsaved project “{0}” from {1}?</source>
        <translation>CNN Playground가 예기치 않게 종료되었습니다. 저장하지 않은 프로젝트 “{0}”을(를) {1}에서 복구할까요?</translation>
    </message>
    <message>
        <source>“{0}” has a trained model that is not saved yet: without saving, the model and its runs are lost. Save the project first?</source>
        <translation>“{0}”에 아직 저장하지 않은 훈련된 모델이 있습니다. 저장하지 않으면 모델과 실행 기록이 사라집니다. 프로젝트를 먼저 저장할까요?</translation>
    </message>
    <message>
        <source>Save the changes to “{0}” first?</source>
        <translation>“{0}”의 변경 사항을 먼저 저장할까요?</translation>
    </message>
    <message>
        <source>start a new project</source>
        <translation>새 프로젝트를 시작할까요</translation>
    </message>
    <message>
        <source>open another project</source>
        <translation>다른 프로젝트를 열까요</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>프로젝트 열기</translation>
    </message>
    <message>
        <source>Checking and unpacking {0}…</source>
        <translation>{0}을(를) 확인하고 푸는 중…</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>프로젝트를 열 수 없습니다</translation>
    </message>
    <message>
        <source>Trained model not opened</source>
        <translation>훈련된 모델을 열지 못함</translation>
    </message>
    <message>
        <source>The project is open, but its trained model and runs could not be read: {0}</source>
        <translation>프로젝트는 열었지만 훈련된 모델과 실행 기록을 읽지 못했습니다: {0}</translation>
    </message>
    <message>
        <source>Bundle unpacked into {0}</source>
        <translation>번들을 {0}에 풀었습니다</translation>
    </message>
    <message>
        <source>Export project bundle</source>
        <translation>프로젝트 번들 내보내기</translation>
    </message>
    <message>
        <source>Writing the bundle {0}…</source>
        <translation>번들 {0}을(를) 쓰는 중…</translation>
    </message>
    <message>
        <source>Bundle written: {0}. It opens with File → Open on any machine with CNN Playground.</source>
        <translation>번들을 썼습니다: {0}. CNN Playground가 있는 어느 컴퓨터에서든 파일 → 열기로 열 수 있습니다.</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>프로젝트 저장</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>저장하지 못함</translation>
    </message>
    <message>
        <source>Could not save {0}: {1}</source>
        <translation>{0} 저장 실패: {1}</translation>
    </message>
    <message>
        <source>Trained model not saved</source>
        <translation>훈련된 모델을 저장하지 못함</translation>
    </message>
    <message>
        <source>The project was saved, but not its trained model and runs: {0}</source>
        <translation>프로젝트는 저장했지만 훈련된 모델과 실행 기록은 저장하지 못했습니다: {0}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>저장했습니다: {0}</translation>
    </message>
    <message>
        <source>To add images, drop them onto a class in the list on the Data page (press “New dataset from my images” first to make classes), or drop a folder with one subfolder per class.</source>
        <translation>이미지를 추가하려면 데이터 페이지 목록의 클래스 위에 끌어다 놓거나(먼저 “내 이미지로 새 데이터셋 만들기”를 눌러 클래스를 만드세요), 클래스마다 하위 폴더가 하나씩 있는 폴더를 끌어다 놓으세요.</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>훈련 중입니다</translation>
    </message>
    <message>
        <source>Stop the training and {0}? The epochs finished so far are kept in the run&apos;s checkpoint.</source>
        <translation>훈련을 중지하고 {0}? 지금까지 완료된 에포크는 이 실행의 체크포인트에 보관됩니다.</translation>
    </message>
    <message>
        <source>close</source>
        <translation>닫을까요</translation>
    </message>
    <message>
        <source>Keep the run being trained (the epochs finished so far) with “{0}”? Save the project, or close without saving it.</source>
        <translation>훈련 중인 실행(지금까지 끝난 에포크)을 “{0}”에 남길까요? 프로젝트를 저장하거나, 저장하지 않고 닫으세요.</translation>
    </message>
    <message>
        <source>Stopping the training: the window closes when it has stopped…</source>
        <translation>훈련을 멈추는 중입니다. 멈추면 창이 닫힙니다…</translation>
    </message>
</context>
<context>
    <name>PipelineLab</name>
    <message>
        <source>Max pooling</source>
        <translation>최대 풀링</translation>
    </message>
    <message>
        <source>Average pooling</source>
        <translation>평균 풀링</translation>
    </message>
    <message>
        <source>Min pooling</source>
        <translation>최소 풀링</translation>
    </message>
    <message>
        <source>valid (none)</source>
        <translation>valid (패딩 없음)</translation>
    </message>
    <message>
        <source>same</source>
        <translation>Same 패딩</translation>
    </message>
    <message>
        <source>Add a bias to each map</source>
        <translation>맵마다 편향 더하기</translation>
    </message>
    <message>
        <source>ReLU after the convolution</source>
        <translation>합성곱 뒤에 ReLU 적용</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>처음으로</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>끝까지 보기</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>파이프라인</translation>
    </message>
    <message>
        <source>Input size</source>
        <translation>입력 크기</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>필터</translation>
    </message>
    <message>
        <source>Filter size</source>
        <translation>필터 크기</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>스트라이드</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>패딩</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>풀링</translation>
    </message>
    <message>
        <source>Pool size</source>
        <translation>풀링 크기</translation>
    </message>
    <message>
        <source>Pool stride</source>
        <translation>풀링 스트라이드</translation>
    </message>
    <message>
        <source>Dense units</source>
        <translation>Dense 유닛 수</translation>
    </message>
    <message>
        <source>Biases (one per filter)</source>
        <translation>편향 (필터마다 하나)</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>특징 맵</translation>
    </message>
    <message>
        <source>Pooled</source>
        <translation>풀링 결과</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Flatten → Dense</source>
        <translation>평면화 (Flatten) → Dense 층</translation>
    </message>
    <message>
        <source>Weights (a row per unit)</source>
        <translation>가중치 (유닛마다 한 행)</translation>
    </message>
    <message>
        <source>Biases</source>
        <translation>편향</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>Filter {0}</source>
        <translation>필터 {0}</translation>
    </message>
    <message>
        <source>Convolution: {0}. Pooling: {1}. Flatten: {2} numbers.</source>
        <translation>합성곱: {0}. 풀링: {1}. 평면화: 숫자 {2}개.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 중지</translation>
    </message>
    <message>
        <source>Press Step to follow the numbers from the input to the dense layer.</source>
        <translation>“한 단계”를 누르면 숫자가 입력에서 Dense 층까지 흘러가는 과정을 따라갑니다.</translation>
    </message>
    <message>
        <source>Flatten: the pooled maps one after the other, each row by row: {0}</source>
        <translation>평면화: 풀링된 맵을 차례로, 각 맵은 행 순서대로 이어 붙입니다: {0}</translation>
    </message>
    <message>
        <source>Unit {0}: {1}</source>
        <translation>유닛 {0}: {1}</translation>
    </message>
    <message>
        <source>Map {0} [{1}, {2}]: {3}</source>
        <translation>맵 {0} [{1}, {2}]: {3}</translation>
    </message>
    <message>
        <source>Pooled {0} [{1}, {2}]: {3}</source>
        <translation>풀링 {0} [{1}, {2}]: {3}</translation>
    </message>
</context>
<context>
    <name>PredictPage</name>
    <message>
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <source>Probability %</source>
        <translation>확률 %</translation>
    </message>
    <message>
        <source>Top classes</source>
        <translation>상위 클래스</translation>
    </message>
    <message>
        <source>Checkpoint (.pt)…</source>
        <translation>체크포인트 (.pt)…</translation>
    </message>
    <message>
        <source>Checkpoints (*.pt)</source>
        <translation>체크포인트 (*.pt)</translation>
    </message>
    <message>
        <source>PyTorch code…</source>
        <translation>PyTorch 코드…</translation>
    </message>
    <message>
        <source>Python (*.py)</source>
        <translation>Python (*.py)</translation>
    </message>
    <message>
        <source>Open checkpoint…</source>
        <translation>체크포인트 열기…</translation>
    </message>
    <message>
        <source>ImageNet network…</source>
        <translation>ImageNet 네트워크…</translation>
    </message>
    <message>
        <source>Classify into ImageNet&apos;s 1,000 classes with a pretrained network as it is</source>
        <translation>사전 훈련된 네트워크를 그대로 사용해 ImageNet의 1,000개 클래스로 분류합니다</translation>
    </message>
    <message>
        <source>Add images…</source>
        <translation>이미지 추가…</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>붙여넣기</translation>
    </message>
    <message>
        <source>Classify an image or image files from the clipboard (Ctrl+V)</source>
        <translation>클립보드의 이미지 또는 이미지 파일을 분류합니다 (Ctrl+V)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>CSV로 저장…</translation>
    </message>
    <message>
        <source>top </source>
        <translation>상위 </translation>
    </message>
    <message>
        <source>Drop image files or a folder here, paste an image (Ctrl+V), or press “Add images…”.</source>
        <translation>이미지 파일이나 폴더를 여기에 끌어다 놓거나, 이미지를 붙여넣거나(Ctrl+V), “이미지 추가…”를 누르세요.</translation>
    </message>
    <message>
        <source>Camera…</source>
        <translation>카메라…</translation>
    </message>
    <message>
        <source>Classify a camera&apos;s (or a video&apos;s) frames live</source>
        <translation>카메라(또는 동영상)의 프레임을 실시간으로 분류합니다</translation>
    </message>
    <message>
        <source>Validation set</source>
        <translation>검증 세트</translation>
    </message>
    <message>
        <source>Shows, for every validation image, its true class against the network&apos;s answer.</source>
        <translation>검증 이미지마다 실제 클래스와 네트워크의 답을 비교해 보여 줍니다.</translation>
    </message>
    <message>
        <source>No model yet: train one on the Train page, open a checkpoint, or use an ImageNet network as it is.</source>
        <translation>아직 모델이 없습니다: 훈련 페이지에서 모델을 훈련하거나, 체크포인트를 열거나, ImageNet 네트워크를 그대로 사용하세요.</translation>
    </message>
    <message>
        <source>Model: {0}, {1} classes ({2}), images {3}×{4}, {5} channel(s).</source>
        <translation>모델: {0}, 클래스 {1}개 ({2}), 이미지 {3}×{4}, {5}채널.</translation>
    </message>
    <message>
        <source>Its weights are not on this machine: Model page → Pretrained → Import weights</source>
        <translation>이 컴퓨터에 가중치가 없습니다: 모델 페이지 → 사전 훈련된 네트워크에서 시작 → 가중치 가져오기</translation>
    </message>
    <message>
        <source>Cannot use this network</source>
        <translation>이 네트워크를 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>Model: {0} pretrained on ImageNet, as it is: 1,000 classes, images {1}×{1} RGB (resized and centre-cropped as its weights expect).</source>
        <translation>모델: ImageNet으로 사전 훈련된 {0}을(를) 그대로 사용: 클래스 1,000개, 이미지 {1}×{1} RGB (가중치에 맞게 크기 조정 후 가운데를 잘라냄).</translation>
    </message>
    <message>
        <source>An ImageNet network as it is has no validation set here: train a model for that.</source>
        <translation>그대로 쓰는 ImageNet 네트워크에는 여기서 쓸 검증 세트가 없습니다: 검증하려면 모델을 훈련하세요.</translation>
    </message>
    <message>
        <source>Open checkpoint</source>
        <translation>체크포인트 열기</translation>
    </message>
    <message>
        <source>Cannot open checkpoint</source>
        <translation>체크포인트를 열 수 없습니다</translation>
    </message>
    <message>
        <source>No model yet</source>
        <translation>아직 모델이 없습니다</translation>
    </message>
    <message>
        <source>Images to classify</source>
        <translation>분류할 이미지</translation>
    </message>
    <message>
        <source>not classified</source>
        <translation>분류되지 않음</translation>
    </message>
    <message>
        <source>{0}: the network says “{1}”.</source>
        <translation>{0}: 네트워크의 답은 “{1}”입니다.</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Cannot classify</source>
        <translation>분류할 수 없습니다</translation>
    </message>
    <message>
        <source>Nothing to paste</source>
        <translation>붙여넣을 것이 없습니다</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>클립보드에 이미지가 없습니다.</translation>
    </message>
    <message>
        <source>Pasted image {0}</source>
        <translation>붙여넣은 이미지 {0}</translation>
    </message>
    <message>
        <source>Export model</source>
        <translation>모델 내보내기</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>내보내지 못함</translation>
    </message>
    <message>
        <source>Could not export {0}: {1}</source>
        <translation>{0} 내보내기 실패: {1}</translation>
    </message>
    <message>
        <source>Loading the images the model was trained on…</source>
        <translation>모델을 훈련한 이미지를 불러오는 중…</translation>
    </message>
    <message>
        <source>These images have other classes ({0}) than the model ({1}).</source>
        <translation>이 이미지들의 클래스({0})가 모델의 클래스({1})와 다릅니다.</translation>
    </message>
    <message>
        <source>Classifying {0:,} validation images…</source>
        <translation>검증 이미지 {0:,}개를 분류하는 중…</translation>
    </message>
    <message>
        <source>Save predictions</source>
        <translation>예측 결과 저장</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not classify the validation set: {0}</source>
        <translation>검증 세트를 분류하지 못했습니다: {0}</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>발표 모드(&amp;P)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>축소(&amp;O)</translation>
    </message>
</context>
<context>
    <name>PretrainedDialog</name>
    <message>
        <source>Start from a pretrained network</source>
        <translation>사전 훈련된 네트워크에서 시작</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>ImageNet top-1</source>
        <translation>ImageNet top-1</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>Import weights…</source>
        <translation>가중치 가져오기…</translation>
    </message>
    <message>
        <source>Use this network</source>
        <translation>이 네트워크 사용</translation>
    </message>
    <message>
        <source>A network trained on ImageNet&apos;s 1.2 million photos already knows edges, textures and parts of objects. Keep its base, put a new head on top and train that on your images.</source>
        <translation>ImageNet의 사진 120만 장으로 훈련된 네트워크는 이미 경계선, 질감, 물체의 부분을 알고 있습니다. 그 베이스는 그대로 두고 위에 새 헤드(분류기)를 얹어 내 이미지로 훈련하세요.</translation>
    </message>
    <message>
        <source>— (animals)</source>
        <translation>— (동물)</translation>
    </message>
    <message>
        <source>on this machine</source>
        <translation>이 컴퓨터에 있음</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Weights: {0}</source>
        <translation>가중치: {0}</translation>
    </message>
    <message>
        <source>Weights of {0}</source>
        <translation>{0}의 가중치</translation>
    </message>
    <message>
        <source>Weights (*.pth *.pt *.safetensors)</source>
        <translation>가중치 (*.pth *.pt *.safetensors)</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>가져오지 못함</translation>
    </message>
    <message>
        <source>Checked and stored: {0}</source>
        <translation>확인 후 저장함: {0}</translation>
    </message>
</context>
<context>
    <name>ProjectWork</name>
    <message>
        <source>Keep the images with the project</source>
        <translation>이미지를 프로젝트와 함께 보관</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>찾는 위치(&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>파일 형식(&amp;T):</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Discard</source>
        <translation>저장하지 않음</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Record with the camera</source>
        <translation>카메라로 녹화</translation>
    </message>
</context>
<context>
    <name>RecordPanel</name>
    <message>
        <source>Start camera</source>
        <translation>카메라 시작</translation>
    </message>
    <message>
        <source>Choose a camera (or a video) and press “Start camera”.</source>
        <translation>카메라(또는 동영상)를 고르고 “카메라 시작”을 누르세요.</translation>
    </message>
    <message>
        <source> per second</source>
        <translation>장/초</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>좌우 반전</translation>
    </message>
    <message>
        <source>Flip the picture left to right, as a mirror shows you</source>
        <translation>거울처럼 화면을 좌우로 뒤집습니다</translation>
    </message>
    <message>
        <source>Crop to the network&apos;s input shape</source>
        <translation>네트워크 입력 모양으로 자르기</translation>
    </message>
    <message>
        <source>Hold to record (or hold Space)</source>
        <translation>누르고 있는 동안 녹화 (또는 스페이스 바)</translation>
    </message>
    <message>
        <source>Undo last recording</source>
        <translation>마지막 녹화 취소</translation>
    </message>
    <message>
        <source>Into class</source>
        <translation>저장할 클래스</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>비율</translation>
    </message>
    <message>
        <source>No camera found: play a video file or a folder of images</source>
        <translation>카메라를 찾지 못했습니다: 동영상 파일이나 이미지 폴더를 재생하세요</translation>
    </message>
    <message>
        <source>Stop camera</source>
        <translation>카메라 정지</translation>
    </message>
    <message>
        <source>Recording… (release to stop)</source>
        <translation>녹화 중… (놓으면 멈춤)</translation>
    </message>
    <message>
        <source>Removed the last {0} frames from “{1}”.</source>
        <translation>“{1}”에서 마지막 프레임 {0}장을 지웠습니다.</translation>
    </message>
    <message>
        <source>{0}: {1} recorded now, {2} images in the class</source>
        <translation>{0}: 이번에 {1}장 녹화, 클래스의 이미지 {2}장</translation>
    </message>
</context>
<context>
    <name>RunModelButtons</name>
    <message>
        <source>Use this run&apos;s best epoch as the model</source>
        <translation>이 실행의 최고 에포크를 모델로 사용</translation>
    </message>
    <message>
        <source>Use this run&apos;s last epoch as the model</source>
        <translation>이 실행의 마지막 에포크를 모델로 사용</translation>
    </message>
</context>
<context>
    <name>RunProgress</name>
    <message>
        <source>Loading the images: {0} of {1}…</source>
        <translation>이미지를 불러오는 중: {1}개 중 {0}개…</translation>
    </message>
    <message>
        <source>Epoch {0}/{1} · batch {2}/{3} · {4} images/s · about {5} left</source>
        <translation>에포크 {0}/{1} · 배치 {2}/{3} · 초당 이미지 {4}개 · 약 {5} 남음</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <source>Tick runs to overlay their curves on the plots, each in a colour of its own.</source>
        <translation>실행 기록을 체크하면 그 곡선이 각자의 색으로 그래프에 겹쳐 그려집니다.</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>SGD (모멘텀)</translation>
    </message>
    <message>
        <source>Run {0}</source>
        <translation>실행 {0}</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>조기 종료</translation>
    </message>
    <message>
        <source>NaN loss</source>
        <translation>NaN 손실</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>메모리 부족</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>{name} · {time} · {optimizer}, learning rate {rate}, batch {batch}, augmentation {augmentation}, {dropout} dropout layers · {epochs} epochs, best validation accuracy {best} · {outcome}</source>
        <translation>{name} · {time} · {optimizer}, 학습률 {rate}, 배치 {batch}, 데이터 증식 {augmentation}, 드롭아웃 층 {dropout}개 · {epochs} 에포크, 최고 검증 정확도 {best} · {outcome}</translation>
    </message>
    <message>
        <source>on</source>
        <translation>켜짐</translation>
    </message>
    <message>
        <source>off</source>
        <translation>끄기</translation>
    </message>
</context>
<context>
    <name>SourcePicker</name>
    <message>
        <source>Look for cameras</source>
        <translation>카메라 다시 찾기</translation>
    </message>
    <message>
        <source>Video file…</source>
        <translation>동영상 파일…</translation>
    </message>
    <message>
        <source>Folder of images…</source>
        <translation>이미지 폴더…</translation>
    </message>
    <message>
        <source>Camera {0}</source>
        <translation>카메라 {0}</translation>
    </message>
    <message>
        <source>No camera found: play a video file or a folder of images</source>
        <translation>카메라를 찾지 못했습니다: 동영상 파일이나 이미지 폴더를 재생하세요</translation>
    </message>
    <message>
        <source>Folder: {0}</source>
        <translation>폴더: {0}</translation>
    </message>
    <message>
        <source>Video: {0}</source>
        <translation>동영상: {0}</translation>
    </message>
    <message>
        <source>A video to play as a camera</source>
        <translation>카메라처럼 재생할 동영상</translation>
    </message>
    <message>
        <source>Videos ({0})</source>
        <translation>동영상 ({0})</translation>
    </message>
    <message>
        <source>A folder of images to play as a camera</source>
        <translation>카메라처럼 재생할 이미지 폴더</translation>
    </message>
</context>
<context>
    <name>TrainPage</name>
    <message>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>실행 기록</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>훈련 시작</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 중지</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Continue training</source>
        <translation>이어서 훈련</translation>
    </message>
    <message>
        <source>Fine-tune from this run</source>
        <translation>이 실행에서 미세 조정하기</translation>
    </message>
    <message>
        <source>Save checkpoint…</source>
        <translation>체크포인트 저장…</translation>
    </message>
    <message>
        <source>Load checkpoint…</source>
        <translation>체크포인트 불러오기…</translation>
    </message>
    <message>
        <source>Train the last run for as many epochs again, from where it stopped</source>
        <translation>마지막 실행을 멈춘 곳부터 같은 에포크 수만큼 더 훈련합니다</translation>
    </message>
    <message>
        <source>After feature extraction: keep the trained head (the run&apos;s best epoch), unfreeze the top blocks of the base at its lower learning rate, and train on along the same curve.</source>
        <translation>특성 추출 다음 단계: 훈련된 분류기(이 실행의 최고 에포크)를 그대로 두고, 베이스의 위쪽 블록을 더 낮은 학습률로 동결 해제한 뒤 같은 곡선을 이어 훈련합니다.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Press Train to start.</source>
        <translation>“훈련 시작”을 눌러 시작하세요.</translation>
    </message>
    <message>
        <source>Change training</source>
        <translation>훈련 설정 변경</translation>
    </message>
    <message>
        <source>Fine-tuning from epoch {0}: the top {1} blocks of the base learn too, at {2}× the rate.</source>
        <translation>에포크 {0}부터 미세 조정: 베이스의 위쪽 블록 {1}개도 학습률의 {2}배로 훈련합니다.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <source>The network cannot be trained</source>
        <translation>네트워크를 훈련할 수 없습니다</translation>
    </message>
    <message>
        <source>— {0} —</source>
        <translation>— {0} —</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>재개했습니다.</translation>
    </message>
    <message>
        <source>Paused after the current batch. Press Resume to go on.</source>
        <translation>현재 배치가 끝난 뒤 일시 중지했습니다. 계속하려면 “재개”를 누르세요.</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>현재 배치가 끝나면 중지합니다…</translation>
    </message>
    <message>
        <source>Training on {0}: {1} parameters, {2} training and {3} validation images.</source>
        <translation>{0}에서 훈련: 파라미터 {1}개, 훈련 이미지 {2}개, 검증 이미지 {3}개.</translation>
    </message>
    <message>
        <source>  validation loss {0:.4f} accuracy {1:.1%}</source>
        <translation>  검증 손실 {0:.4f} 정확도 {1:.1%}</translation>
    </message>
    <message>
        <source>Epoch {0}/{1}: training loss {2:.4f} accuracy {3:.1%}</source>
        <translation>에포크 {0}/{1}: 훈련 손실 {2:.4f} 정확도 {3:.1%}</translation>
    </message>
    <message>
        <source>  (best so far)</source>
        <translation>  (현재 최고)</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>완료했습니다.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>중지했습니다.</translation>
    </message>
    <message>
        <source>Stopped early: validation accuracy stopped improving.</source>
        <translation>조기 종료: 검증 정확도가 더 이상 오르지 않았습니다.</translation>
    </message>
    <message>
        <source> Best validation accuracy {0:.1%} at epoch {1}: these weights are now the project&apos;s model.</source>
        <translation> 최고 검증 정확도 {0:.1%} (에포크 {1}): 이제 이 가중치가 프로젝트의 모델입니다.</translation>
    </message>
    <message>
        <source>Out of memory</source>
        <translation>메모리 부족</translation>
    </message>
    <message>
        <source>Try again with batch size {0}?</source>
        <translation>배치 크기 {0}(으)로 다시 시도할까요?</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>훈련 중지됨</translation>
    </message>
    <message>
        <source>Training failed: {0}</source>
        <translation>훈련 실패: {0}</translation>
    </message>
    <message>
        <source> · ★ the project&apos;s model (its last epoch)</source>
        <translation> · ★ 프로젝트의 모델 (마지막 에포크)</translation>
    </message>
    <message>
        <source> · ★ the project&apos;s model (its best epoch)</source>
        <translation> · ★ 프로젝트의 모델 (최고 에포크)</translation>
    </message>
    <message>
        <source>The project&apos;s model and its {0} runs are back: Predict uses the model of {1}; Continue training goes on from its last epoch.</source>
        <translation>프로젝트의 모델과 실행 {0}개가 돌아왔습니다. 예측은 {1}의 모델을 쓰고, 이어서 훈련은 그 마지막 에포크부터 이어 갑니다.</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>훈련 실패</translation>
    </message>
    <message>
        <source>Could not write the run folder {0} (is the disk full or read-only?).</source>
        <translation>실행 폴더 {0}에 쓸 수 없습니다 (디스크가 가득 찼거나 읽기 전용인가요?).</translation>
    </message>
    <message>
        <source>Save checkpoint</source>
        <translation>체크포인트 저장</translation>
    </message>
    <message>
        <source>Checkpoints (*.pt)</source>
        <translation>체크포인트 (*.pt)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>저장하지 못함</translation>
    </message>
    <message>
        <source>Could not save {0}: {1}</source>
        <translation>{0} 저장 실패: {1}</translation>
    </message>
    <message>
        <source>Load checkpoint</source>
        <translation>체크포인트 불러오기</translation>
    </message>
    <message>
        <source>Cannot load checkpoint</source>
        <translation>체크포인트를 불러올 수 없습니다</translation>
    </message>
    <message>
        <source>Loaded {0}: {1} epochs trained, classes {2}.</source>
        <translation>불러왔습니다: {0} ({1} 에포크 훈련됨, 클래스 {2}).</translation>
    </message>
</context>
<context>
    <name>TrainingProcess</name>
    <message>
        <source>The epochs it finished are kept.</source>
        <translation>끝난 에포크는 보존되었습니다.</translation>
    </message>
    <message>
        <source>No epoch had finished.</source>
        <translation>끝난 에포크가 없었습니다.</translation>
    </message>
    <message>
        <source>The training process could not be started.</source>
        <translation>훈련 프로세스를 시작할 수 없습니다.</translation>
    </message>
    <message>
        <source>The training process ended unexpectedly: it was ended from outside the app. {0}</source>
        <translation>훈련 프로세스가 예기치 않게 끝났습니다. 앱 바깥에서 종료되었습니다. {0}</translation>
    </message>
    <message>
        <source>The training process ended unexpectedly: it was killed from outside the app (by a user, or by the system when memory runs out). {0}</source>
        <translation>훈련 프로세스가 예기치 않게 끝났습니다. 앱 바깥에서 강제로 종료되었습니다(사용자가, 또는 메모리가 부족할 때 시스템이). {0}</translation>
    </message>
    <message>
        <source>The training process ended unexpectedly (it crashed). {0}</source>
        <translation>훈련 프로세스가 예기치 않게 끝났습니다(비정상 종료). {0}</translation>
    </message>
    <message>
        <source>The training process ended with an error (exit code {0}). {1}</source>
        <translation>훈련 프로세스가 오류로 끝났습니다 (종료 코드 {0}). {1}</translation>
    </message>
</context>
<context>
    <name>TrainingSettingsPanel</name>
    <message>
        <source>Training settings</source>
        <translation>훈련 설정</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>고정</translation>
    </message>
    <message>
        <source>step decay</source>
        <translation>단계적 감소</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>코사인</translation>
    </message>
    <message>
        <source>one-cycle</source>
        <translation>원사이클</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>How many times training goes through every training image.</source>
        <translation>훈련이 모든 훈련 이미지를 몇 번 거치는지입니다.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Images per step: larger is faster per image but needs more memory.</source>
        <translation>한 스텝의 이미지 수: 클수록 이미지당 빠르지만 메모리가 더 필요합니다.</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>How the weights follow the gradient.</source>
        <translation>가중치가 기울기를 따라가는 방법입니다.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>How far each step moves the weights; the arrows multiply or divide by about 2.</source>
        <translation>각 스텝이 가중치를 얼마나 움직이는지입니다. 화살표는 약 2배씩 곱하거나 나눕니다.</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>The share of the previous step that each step keeps (SGD with momentum).</source>
        <translation>각 스텝이 이전 스텝에서 이어받는 비율입니다 (모멘텀 SGD).</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>학습률 스케줄</translation>
    </message>
    <message>
        <source>How the learning rate changes from epoch to epoch; one-cycle climbs for the first quarter of the steps, then falls, batch by batch.</source>
        <translation>학습률이 에포크마다 어떻게 바뀌는지; 원사이클은 처음 4분의 1 스텝 동안 올라갔다가 배치마다 내려갑니다.</translation>
    </message>
    <message>
        <source>Step size (epochs)</source>
        <translation>스텝 크기 (에포크)</translation>
    </message>
    <message>
        <source>Step decay: the learning rate is multiplied by gamma every this many epochs.</source>
        <translation>단계 감쇠: 이 에포크 수마다 학습률에 감마를 곱합니다.</translation>
    </message>
    <message>
        <source>Gamma</source>
        <translation>감마</translation>
    </message>
    <message>
        <source>Step decay: what the learning rate is multiplied by.</source>
        <translation>단계 감쇠: 학습률에 곱하는 값입니다.</translation>
    </message>
    <message>
        <source>Label smoothing</source>
        <translation>레이블 스무딩</translation>
    </message>
    <message>
        <source>Trains towards a little less than 100% for the true class: a brake on overconfidence.</source>
        <translation>정답 클래스를 100%보다 조금 낮게 목표로 훈련합니다: 지나친 확신을 막는 브레이크입니다.</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>가중치 감쇠</translation>
    </message>
    <message>
        <source>Pulls the weights towards zero a little every step: a brake on overfitting.</source>
        <translation>스텝마다 가중치를 0 쪽으로 조금 당깁니다: 과대 적합을 막는 브레이크입니다.</translation>
    </message>
    <message>
        <source>Early stopping patience (epochs)</source>
        <translation>조기 종료 대기 (에포크)</translation>
    </message>
    <message>
        <source>Stop when the validation accuracy has not improved for this many epochs; off at 0.</source>
        <translation>검증 정확도가 이 에포크 수 동안 나아지지 않으면 멈춥니다. 0이면 꺼집니다.</translation>
    </message>
    <message>
        <source>off</source>
        <translation>끄기</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>The same seed gives the same split, shuffle and starting weights.</source>
        <translation>같은 시드는 같은 분할, 섞기, 초기 가중치를 줍니다.</translation>
    </message>
    <message>
        <source>Mixed precision</source>
        <translation>혼합 정밀도</translation>
    </message>
    <message>
        <source>On a CUDA GPU: compute in 16-bit floats where it is safe, for speed and memory.</source>
        <translation>CUDA GPU에서: 안전한 곳은 16비트 부동소수점으로 계산해 속도와 메모리를 아낍니다.</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Where training runs: automatic takes a GPU if there is one, else the CPU. Training runs in its own process, on every core.</source>
        <translation>훈련이 실행되는 곳입니다: 자동은 GPU가 있으면 GPU를, 없으면 CPU를 씁니다. 훈련은 별도의 프로세스에서 모든 코어로 실행됩니다.</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>All {0} GPUs (one process each)</source>
        <translation>GPU {0}개 모두 (GPU마다 프로세스 하나)</translation>
    </message>
</context>
<context>
    <name>Worksheet</name>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>필터</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>답:</translation>
    </message>
    <message>
        <source>Answer key: {0}</source>
        <translation>정답지: {0}</translation>
    </message>
    <message>
        <source>Worksheet: {0}</source>
        <translation>연습지: {0}</translation>
    </message>
    <message>
        <source>Sheet {0} — the same sheet number gives the same numbers.</source>
        <translation>연습지 {0}번 — 번호가 같으면 숫자도 같습니다.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>날짜:</translation>
    </message>
</context>
<context>
    <name>WorksheetDialog</name>
    <message>
        <source>Print worksheet: {0}</source>
        <translation>연습지 인쇄: {0}</translation>
    </message>
    <message>
        <source>The same sheet number gives every student the same numbers.</source>
        <translation>연습지 번호가 같으면 모든 학생이 같은 숫자를 받습니다.</translation>
    </message>
    <message>
        <source>Answer key (answers and worked answers)</source>
        <translation>정답지 (답과 풀이)</translation>
    </message>
    <message>
        <source>Sheet number</source>
        <translation>연습지 번호</translation>
    </message>
    <message>
        <source>Save the worksheet</source>
        <translation>연습지 저장</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print worksheet</source>
        <translation>연습지 인쇄</translation>
    </message>
    <message>
        <source>The worksheet could not be written to {0}: {1}</source>
        <translation>연습지를 {0}에 쓸 수 없습니다: {1}</translation>
    </message>
</context>
<context>
    <name>spec</name>
    <message>
        <source>layer {number}, {layer}: needs a C×H×W input but gets a flat vector of {size} — move it before the Flatten/Dense layers</source>
        <translation>{number}번 층, {layer}: C×H×W 입력이 필요한데 길이 {size}의 평탄한 벡터를 받습니다 — 평면화(Flatten)/Dense 층 앞으로 옮기세요</translation>
    </message>
    <message>
        <source>layer {number}, {layer}: padding {padding} is not smaller than the pool size {height}x{width} — some windows would see only padding</source>
        <translation>{number}번 층, {layer}: 패딩 {padding}이(가) 풀링 크기 {height}x{width}보다 작지 않습니다 — 패딩만 보는 윈도우가 생깁니다</translation>
    </message>
    <message>
        <source>layer {number}, {layer}: input {height}x{width} is smaller than the pool {kernel_height}x{kernel_width} — use &apos;same&apos; padding or a smaller pool</source>
        <translation>{number}번 층, {layer}: 입력 {height}x{width}이(가) 풀링 {kernel_height}x{kernel_width}보다 작습니다 — Same 패딩이나 더 작은 풀링을 쓰세요</translation>
    </message>
    <message>
        <source>layer {number}, {layer}: input {height}x{width} is smaller than the kernel {kernel_height}x{kernel_width} — use &apos;same&apos; padding or a smaller kernel</source>
        <translation>{number}번 층, {layer}: 입력 {height}x{width}이(가) 커널 {kernel_height}x{kernel_width}보다 작습니다 — Same 패딩이나 더 작은 커널을 쓰세요</translation>
    </message>
    <message>
        <source>layer {number}, dense auto: the number of classes is not known yet</source>
        <translation>{number}번 층, Dense(유닛 수 = 클래스 수): 클래스 수를 아직 모릅니다</translation>
    </message>
    <message>
        <source>layer {number}: follows invalid layer {failed_at}</source>
        <translation>{number}번 층: 잘못된 {failed_at}번 층 뒤에 있습니다</translation>
    </message>
    <message>
        <source>the network has no layers — add at least a Flatten and a Dense layer</source>
        <translation>네트워크에 층이 없습니다 — 적어도 평면화(Flatten) 층과 Dense 층을 추가하세요</translation>
    </message>
    <message>
        <source>the network ends in a {shape} feature map; it must end in {classes} class scores — add Flatten (or Global average pool) and Dense with units &apos;auto&apos;</source>
        <translation>네트워크가 {shape} 특징 맵으로 끝납니다. 클래스 점수 {classes}개로 끝나야 합니다 — 평면화(Flatten) 층(또는 전역 평균 풀링)과 유닛 수 &apos;auto&apos;인 Dense 층을 추가하세요</translation>
    </message>
    <message>
        <source>the last layer gives {scores} scores but the data has {classes} classes — set the last Dense layer&apos;s units to &apos;auto&apos;</source>
        <translation>마지막 층은 점수 {scores}개를 내지만 데이터의 클래스는 {classes}개입니다 — 마지막 Dense 층의 유닛 수를 &apos;auto&apos;로 하세요</translation>
    </message>
    <message>
        <source>flattens its {shape} input to {size} first</source>
        <translation>먼저 {shape} 입력을 {size}개 값으로 평면화합니다</translation>
    </message>
    <message>
        <source>no parameters</source>
        <translation>파라미터 없음</translation>
    </message>
    <message>
        <source>already flat</source>
        <translation>이미 평탄함</translation>
    </message>
    <message>
        <source>2·{channels} = {params} (scale and shift per channel)</source>
        <translation>2·{channels} = {params} (채널마다 배율과 이동)</translation>
    </message>
    <message>
        <source>mean over {height}x{width} per channel → {channels}</source>
        <translation>채널마다 {height}x{width}의 평균 → {channels}</translation>
    </message>
    <message>
        <source>{name}: empty row in {text} — write rows separated by &apos;;&apos;, e.g. &quot;1,2;3,4&quot;</source>
        <translation>{name}: {text}에 빈 행이 있습니다 — 행은 &apos;;&apos;로 나누어 쓰세요. 예: &quot;1,2;3,4&quot;</translation>
    </message>
    <message>
        <source>{name}: rows of different lengths in {text} — every row needs as many numbers</source>
        <translation>{name}: {text}의 행 길이가 서로 다릅니다 — 모든 행에 같은 개수의 숫자가 필요합니다</translation>
    </message>
    <message>
        <source>{name}: {value} is not a number in {text}</source>
        <translation>{name}: {text}의 {value}은(는) 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {value} is not a number</source>
        <translation>{row}행 {column}열: {value}은(는) 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>padding must be valid, same or a whole number, got {padding}</source>
        <translation>패딩은 valid, same 또는 정수여야 합니다. 입력값: {padding}</translation>
    </message>
    <message>
        <source>padding must not be negative, got {padding}</source>
        <translation>패딩은 음수일 수 없습니다. 입력값: {padding}</translation>
    </message>
    <message>
        <source>the kernel ({kernel}) is larger than the input ({size}) even with padding</source>
        <translation>커널({kernel})이 패딩을 더해도 입력({size})보다 큽니다</translation>
    </message>
    <message>
        <source>the pool ({kernel}) is larger than the input ({size}) even with padding</source>
        <translation>풀링 윈도우({kernel})가 패딩을 더해도 입력({size})보다 큽니다</translation>
    </message>
    <message>
        <source>the input needs at least one channel</source>
        <translation>입력에는 채널이 하나 이상 있어야 합니다</translation>
    </message>
    <message>
        <source>every input channel must have the same size</source>
        <translation>입력 채널은 모두 크기가 같아야 합니다</translation>
    </message>
    <message>
        <source>the filter must be as deep as the input: {channels} channels, so {channels} kernel grids (got {kernels})</source>
        <translation>필터의 깊이는 입력과 같아야 합니다: 채널이 {channels}개이므로 커널 격자도 {channels}개가 필요합니다(현재 {kernels}개)</translation>
    </message>
    <message>
        <source>every kernel grid of a filter must have the same size</source>
        <translation>한 필터의 커널 격자는 모두 크기가 같아야 합니다</translation>
    </message>
    <message>
        <source>stride must be at least 1, got {stride}</source>
        <translation>스트라이드는 1 이상이어야 합니다. 입력값: {stride}</translation>
    </message>
    <message>
        <source>mode must be max, avg or min, got {mode}</source>
        <translation>풀링 방식은 max, avg, min 중 하나여야 합니다. 입력값: {mode}</translation>
    </message>
    <message>
        <source>pool size and stride must be at least 1</source>
        <translation>풀링 크기와 스트라이드는 1 이상이어야 합니다</translation>
    </message>
    <message>
        <source>padding {padding} is not smaller than the pool size {size}</source>
        <translation>패딩 {padding}이(가) 풀링 크기 {size}보다 작지 않습니다</translation>
    </message>
    <message>
        <source>the dense layer needs {inputs} weights per unit, one for each flattened value (got {weights})</source>
        <translation>Dense 층은 유닛마다 평면화된 값 하나당 가중치 하나, 즉 {inputs}개의 가중치가 필요합니다(현재 {weights}개)</translation>
    </message>
    <message>
        <source>height {height}; width {width}</source>
        <translation>높이 {height}; 너비 {width}</translation>
    </message>
    <message>
        <source>the lesson index is unreadable: {error}</source>
        <translation>수업 목록을 읽을 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>lesson {lesson} has no {language} text ({path})</source>
        <translation>수업 {lesson}에 {language} 본문이 없습니다({path})</translation>
    </message>
    <message>
        <source>{path}: the first line must be the title (&apos;# …&apos;)</source>
        <translation>{path}: 첫 줄은 제목(&apos;# …&apos;)이어야 합니다</translation>
    </message>
    <message>
        <source>lesson {lesson}: try: unknown {unknown} / missing {missing} lab settings</source>
        <translation>수업 {lesson}: 직접 해 보기: 알 수 없는 실습 설정 {unknown} / 빠진 실습 설정 {missing}</translation>
    </message>
    <message>
        <source>lesson {lesson}: try.{key}: {value} is not one of {allowed}</source>
        <translation>수업 {lesson}: 직접 해 보기의 {key}: {value}은(는) {allowed} 중 하나가 아닙니다</translation>
    </message>
    <message>
        <source>lesson {lesson}: try: the builder opens with a preset or a pretrained network, one of them</source>
        <translation>수업 {lesson}: 직접 해 보기: 모델 빌더는 프리셋 또는 사전 훈련된 네트워크 중 하나로 열립니다</translation>
    </message>
    <message>
        <source>lesson {lesson}: try.open: {value} is not one of {allowed}</source>
        <translation>수업 {lesson}: 직접 해 보기의 open: {value}은(는) {allowed} 중 하나가 아닙니다</translation>
    </message>
    <message>
        <source>Type a number, e.g. 12.</source>
        <translation>숫자를 입력하세요. 예: 12</translation>
    </message>
    <message>
        <source>Pick one of the answers.</source>
        <translation>답을 하나 고르세요.</translation>
    </message>
    <message>
        <source>Right!</source>
        <translation>정답입니다!</translation>
    </message>
    <message>
        <source>Not quite — try again.</source>
        <translation>아쉽네요 — 다시 해 보세요.</translation>
    </message>
    <message>
        <source>Local connectivity</source>
        <translation>지역적 연관성</translation>
    </message>
    <message>
        <source>Shared filters</source>
        <translation>필터 공유</translation>
    </message>
    <message>
        <source>Spatial hierarchy</source>
        <translation>공간 계층 구조</translation>
    </message>
    <message>
        <source>A small window, the same weights everywhere, or layers building on layers?</source>
        <translation>작은 윈도우일까요, 어디서나 같은 가중치일까요, 아니면 층 위에 쌓이는 층일까요?</translation>
    </message>
    <message>
        <source>Which idea is this? A filter that finds vertical edges in the top-left corner finds them in the bottom-right corner too, with the very same weights.</source>
        <translation>어떤 아이디어일까요? 왼쪽 위 구석에서 세로 경계선을 찾는 필터가 똑같은 가중치로 오른쪽 아래 구석의 세로 경계선도 찾습니다.</translation>
    </message>
    <message>
        <source>Which idea is this? A 5×5 filter has 25 weights, whether the image is 28×28 or 1,000×1,000 pixels.</source>
        <translation>어떤 아이디어일까요? 5×5 필터는 이미지가 28×28이든 1,000×1,000 픽셀이든 가중치가 25개입니다.</translation>
    </message>
    <message>
        <source>Which idea is this? Each value of a feature map is computed from a 3×3 patch of pixels only.</source>
        <translation>어떤 아이디어일까요? 특징 맵의 각 값은 3×3 픽셀 영역 하나만으로 계산됩니다.</translation>
    </message>
    <message>
        <source>Which idea is this? Pixels close together usually belong together, so a small window is enough to spot an edge.</source>
        <translation>어떤 아이디어일까요? 가까이 있는 픽셀들은 보통 함께 무언가를 이루므로, 작은 윈도우만으로도 경계선을 찾을 수 있습니다.</translation>
    </message>
    <message>
        <source>Which idea is this? The first layer finds edges, the next combines them into parts such as an eye, and deeper layers find whole faces.</source>
        <translation>어떤 아이디어일까요? 첫 번째 층은 경계선을 찾고, 다음 층은 경계선을 조합해 눈 같은 부분을 찾고, 더 깊은 층은 얼굴 전체를 찾습니다.</translation>
    </message>
    <message>
        <source>Which idea is this? Each layer sees a larger area of the original image than the layer before it.</source>
        <translation>어떤 아이디어일까요? 각 층은 앞 층보다 원래 이미지의 더 넓은 영역을 봅니다.</translation>
    </message>
    <message>
        <source>Local connectivity: each output value depends only on a small patch of the input.</source>
        <translation>지역적 연관성: 각 출력 값은 입력의 작은 영역에만 의존합니다.</translation>
    </message>
    <message>
        <source>Shared filters: the same filter, with the same weights, is used at every position.</source>
        <translation>필터 공유: 같은 필터가 같은 가중치로 모든 위치에 쓰입니다.</translation>
    </message>
    <message>
        <source>Spatial hierarchy: stacked layers build edges into parts and parts into objects.</source>
        <translation>공간 계층 구조: 쌓인 층들이 경계선을 부분으로, 부분을 물체로 조합합니다.</translation>
    </message>
    <message>
        <source>A {kernel}×{kernel} filter slides over a {size}×{size} grey image, stride 1, no padding: it is used at {positions} positions. How many weights does it learn, not counting its bias?</source>
        <translation>{kernel}×{kernel} 필터가 {size}×{size} 흑백 이미지 위를 스트라이드 1, 패딩 없이 움직이며 {positions}개 위치에서 쓰입니다. 이 필터의 가중치는 편향을 빼고 몇 개입니까?</translation>
    </message>
    <message>
        <source>Shared filters: every position uses the same weights.</source>
        <translation>필터 공유: 모든 위치가 같은 가중치를 씁니다.</translation>
    </message>
    <message>
        <source>{kernel}·{kernel} = {answer}: the same {answer} weights at all {positions} positions.</source>
        <translation>{kernel}·{kernel} = {answer}: {positions}개 위치 모두에서 같은 가중치 {answer}개를 씁니다.</translation>
    </message>
    <message>
        <source>{layers} convolutions of {kernel}×{kernel} (stride 1) are stacked. One value of the last feature map depends on a square patch of the image: how many pixels wide is it?</source>
        <translation>{kernel}×{kernel} 합성곱 {layers}개를 스트라이드 1로 쌓았습니다. 마지막 특징 맵의 값 하나는 이미지의 정사각형 영역 하나에 의존합니다. 그 영역의 너비는 몇 픽셀입니까?</translation>
    </message>
    <message>
        <source>Each {kernel}×{kernel} layer widens the patch by {grow} pixels: start from 1.</source>
        <translation>{kernel}×{kernel} 층 하나가 영역을 {grow}픽셀씩 넓힙니다. 1에서 시작하세요.</translation>
    </message>
    <message>
        <source>1 + {layers}·({kernel} − 1) = {answer}: a {answer}×{answer} patch.</source>
        <translation>1 + {layers}·({kernel} − 1) = {answer}: {answer}×{answer} 영역입니다.</translation>
    </message>
    <message>
        <source>Input: {size}×{size}. Convolution: a {kernel}×{kernel} filter, stride {stride}, padding {padding}. How wide is the output feature map?</source>
        <translation>입력: {size}×{size}. 합성곱: {kernel}×{kernel} 필터, 스트라이드 {stride}, 패딩 {padding}. 출력 특징 맵의 너비는 얼마입니까?</translation>
    </message>
    <message>
        <source>Feature map: {size}×{size}. Pooling: a {pool}×{pool} window, stride {stride}, no padding. How wide is the output?</source>
        <translation>특징 맵: {size}×{size}. 풀링: {pool}×{pool} 윈도우, 스트라이드 {stride}, 패딩 없음. 출력의 너비는 얼마입니까?</translation>
    </message>
    <message>
        <source>output size = ⌊(input − kernel + 2·padding)/stride⌋ + 1; ⌊…⌋ rounds down.</source>
        <translation>출력 크기 = ⌊(입력 − 커널 + 2·패딩)/스트라이드⌋ + 1; ⌊…⌋는 내림입니다.</translation>
    </message>
    <message>
        <source>{formula}: the output is {answer}×{answer}.</source>
        <translation>{formula}: 출력은 {answer}×{answer}입니다.</translation>
    </message>
    <message>
        <source>Grey image: {size}×{size}. A convolutional layer of {filters} filters of {kernel}×{kernel}, stride 1, no padding. How many numbers does its output hold (all feature maps together)?</source>
        <translation>흑백 이미지: {size}×{size}. {kernel}×{kernel} 필터 {filters}개의 합성곱 층, 스트라이드 1, 패딩 없음. 출력에는 (모든 특징 맵을 합쳐) 숫자가 몇 개 있습니까?</translation>
    </message>
    <message>
        <source>Each filter makes one feature map; find one map&apos;s width first.</source>
        <translation>필터 하나가 특징 맵 하나를 만듭니다. 먼저 특징 맵 하나의 너비를 구하세요.</translation>
    </message>
    <message>
        <source>{formula}, so {filters} maps of {out}×{out}: {out}·{out}·{filters} = {answer}.</source>
        <translation>{formula}이므로 {out}×{out} 특징 맵 {filters}개: {out}·{out}·{filters} = {answer}.</translation>
    </message>
    <message>
        <source>Input: {size}×{size}. Filter: {kernel}×{kernel}, stride 1. Which padding keeps the output {size}×{size}?</source>
        <translation>입력: {size}×{size}. 필터: {kernel}×{kernel}, 스트라이드 1. 출력을 {size}×{size}로 유지하는 패딩은 얼마입니까?</translation>
    </message>
    <message>
        <source>Input: {size}×{size}. Filter: {kernel}×{kernel}, stride 1. Which padding makes the output {target}×{target}?</source>
        <translation>입력: {size}×{size}. 필터: {kernel}×{kernel}, 스트라이드 1. 출력을 {target}×{target}으로 만드는 패딩은 얼마입니까?</translation>
    </message>
    <message>
        <source>With stride 1, output = input − kernel + 2·padding + 1: solve for the padding.</source>
        <translation>스트라이드가 1이면 출력 = 입력 − 커널 + 2·패딩 + 1입니다. 패딩에 대해 푸세요.</translation>
    </message>
    <message>
        <source>{target} = {size} − {kernel} + 2·p + 1, so p = {answer}. Check: {formula}.</source>
        <translation>{target} = {size} − {kernel} + 2·p + 1이므로 p = {answer}. 확인: {formula}.</translation>
    </message>
    <message>
        <source>Input: {size}×{size}. Filter: {kernel}×{kernel}, no padding. Which stride makes the output {target}×{target}?</source>
        <translation>입력: {size}×{size}. 필터: {kernel}×{kernel}, 패딩 없음. 출력을 {target}×{target}으로 만드는 스트라이드는 얼마입니까?</translation>
    </message>
    <message>
        <source>Try stride 1, 2, 3… in ⌊(input − kernel)/stride⌋ + 1.</source>
        <translation>⌊(입력 − 커널)/스트라이드⌋ + 1에 스트라이드 1, 2, 3…을 넣어 보세요.</translation>
    </message>
    <message>
        <source>Stride {answer}: {formula}.</source>
        <translation>스트라이드 {answer}: {formula}.</translation>
    </message>
    <message>
        <source>Each filter has kernel·kernel·channels weights and one bias.</source>
        <translation>필터마다 커널·커널·채널 개의 가중치와 편향 하나가 있습니다.</translation>
    </message>
    <message>
        <source>Input: {height}×{width}×{channels}, flattened into a Dense layer of {units} units. How many parameters does the Dense layer learn?</source>
        <translation>입력: {height}×{width}×{channels}, 평면화되어 유닛 {units}개의 Dense 층으로 들어갑니다. 이 Dense 층이 학습하는 파라미터는 몇 개입니까?</translation>
    </message>
    <message>
        <source>Every unit has one weight per input value and one bias.</source>
        <translation>유닛마다 입력값 하나당 가중치 하나와 편향 하나가 있습니다.</translation>
    </message>
    <message>
        <source>{inputs} inputs ({height}·{width}·{channels}): {inputs}·{units} + {units} = {answer}.</source>
        <translation>입력 {inputs}개({height}·{width}·{channels}): {inputs}·{units} + {units} = {answer}.</translation>
    </message>
    <message>
        <source>A {height}×{width} colour image (RGB) is flattened. How many numbers does the vector hold?</source>
        <translation>{height}×{width} 컬러 이미지(RGB)를 평면화합니다. 벡터에는 숫자가 몇 개 있습니까?</translation>
    </message>
    <message>
        <source>A colour image has 3 channels: height · width · channels.</source>
        <translation>컬러 이미지는 채널이 3개입니다: 높이 · 너비 · 채널.</translation>
    </message>
    <message>
        <source>{height}·{width}·3 = {answer}.</source>
        <translation>{height}·{width}·3 = {answer}.</translation>
    </message>
    <message>
        <source>Input: {size}×{size}×{channels}. {filters} filters of {kernel}×{kernel} (stride 1, no padding) make {outputs} outputs. How many parameters would a Dense layer need to make the same {outputs} outputs from the same input?</source>
        <translation>입력: {size}×{size}×{channels}. {kernel}×{kernel} 필터 {filters}개(스트라이드 1, 패딩 없음)가 출력 {outputs}개를 만듭니다. 같은 입력에서 같은 {outputs}개의 출력을 만들려면 Dense 층에는 파라미터가 몇 개 필요합니까?</translation>
    </message>
    <message>
        <source>A Dense layer connects every input value to every output, plus one bias per output.</source>
        <translation>Dense 층은 모든 입력값을 모든 출력에 연결하고, 출력마다 편향이 하나 있습니다.</translation>
    </message>
    <message>
        <source>A {pool}×{pool} max pooling layer works on a {size}×{size}×{channels} feature map. How many parameters does it learn?</source>
        <translation>{pool}×{pool} 최대 풀링 층이 {size}×{size}×{channels} 특징 맵에 적용됩니다. 이 층이 학습하는 파라미터는 몇 개입니까?</translation>
    </message>
    <message>
        <source>What would pooling learn? Its rule (max, average, min) is fixed.</source>
        <translation>풀링이 무엇을 배울까요? 규칙(최대, 평균, 최소)은 정해져 있습니다.</translation>
    </message>
    <message>
        <source>0: a pooling layer has no parameters; it only keeps the largest value of each window.</source>
        <translation>0: 풀링 층에는 파라미터가 없습니다. 각 윈도우의 가장 큰 값만 남길 뿐입니다.</translation>
    </message>
    <message>
        <source>Image: {size}×{size}. A {kernel}×{kernel} convolution (stride 1, no padding), then 2×2 max pooling with stride 2. How wide is the result?</source>
        <translation>이미지: {size}×{size}. {kernel}×{kernel} 합성곱(스트라이드 1, 패딩 없음) 다음에 스트라이드 2의 2×2 최대 풀링. 결과의 너비는 얼마입니까?</translation>
    </message>
    <message>
        <source>Work out the convolution&apos;s output first, then pool it: ⌊(input − 2)/2⌋ + 1.</source>
        <translation>먼저 합성곱의 출력을 구하고, 그것을 풀링하세요: ⌊(입력 − 2)/2⌋ + 1.</translation>
    </message>
    <message>
        <source>Convolution: {conv}. Pooling: {pool}.</source>
        <translation>합성곱: {conv}. 풀링: {pool}.</translation>
    </message>
    <message>
        <source>Image: {size}×{size}. {filters} filters of {kernel}×{kernel} (stride 1, no padding), then 2×2 max pooling with stride 2, then Flatten. How many numbers does Flatten give?</source>
        <translation>이미지: {size}×{size}. {kernel}×{kernel} 필터 {filters}개(스트라이드 1, 패딩 없음), 스트라이드 2의 2×2 최대 풀링, 그다음 평면화(Flatten). 평면화하면 숫자가 몇 개 나옵니까?</translation>
    </message>
    <message>
        <source>Find the pooled width; Flatten gives width · height · filters numbers.</source>
        <translation>풀링된 너비를 구하세요. 평면화(Flatten)하면 너비 · 높이 · 필터 수만큼의 숫자가 나옵니다.</translation>
    </message>
    <message>
        <source>Convolution: {conv}. Pooling: {pool}. Flatten: {out}·{out}·{filters} = {answer}.</source>
        <translation>합성곱: {conv}. 풀링: {pool}. 평면화: {out}·{out}·{filters} = {answer}.</translation>
    </message>
    <message>
        <source>After convolution and pooling, a {size}×{size}×{channels} feature map is flattened into a Dense layer of {units} units. How many parameters does that Dense layer learn?</source>
        <translation>합성곱과 풀링을 거친 {size}×{size}×{channels} 특징 맵을 평면화하여 유닛 {units}개의 Dense 층에 넣습니다. 이 Dense 층이 학습하는 파라미터는 몇 개입니까?</translation>
    </message>
    <message>
        <source>One label per image, one box, several boxes, or one label per pixel?</source>
        <translation>이미지마다 레이블 하나, 상자 하나, 상자 여러 개, 아니면 픽셀마다 레이블 하나?</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>Localization</source>
        <translation>위치 식별(Localization)</translation>
    </message>
    <message>
        <source>Object detection</source>
        <translation>객체 탐지</translation>
    </message>
    <message>
        <source>Segmentation</source>
        <translation>분할(Segmentation)</translation>
    </message>
    <message>
        <source>Classification: one label for the whole image.</source>
        <translation>분류: 이미지 전체에 레이블 하나.</translation>
    </message>
    <message>
        <source>Localization: one object&apos;s label and the box around it.</source>
        <translation>위치 식별(Localization): 물체 하나의 레이블과 그것을 둘러싼 상자.</translation>
    </message>
    <message>
        <source>Object detection: every object&apos;s label and box, however many there are.</source>
        <translation>객체 탐지: 물체가 몇 개든 모든 물체의 레이블과 상자.</translation>
    </message>
    <message>
        <source>Segmentation: a label for every pixel.</source>
        <translation>분할(Segmentation): 모든 픽셀마다 레이블 하나.</translation>
    </message>
    <message>
        <source>Which task is this? A chest X-ray is sorted into &quot;normal&quot; or &quot;pneumonia&quot;.</source>
        <translation>어떤 작업일까요? 흉부 엑스레이 사진을 &quot;정상&quot; 또는 &quot;폐렴&quot;으로 나눕니다.</translation>
    </message>
    <message>
        <source>Which task is this? A photo of a handwritten digit is read as 0–9.</source>
        <translation>어떤 작업일까요? 손으로 쓴 숫자 사진을 0–9 중 하나로 읽습니다.</translation>
    </message>
    <message>
        <source>Which task is this? A photo with one cat gets the label &quot;cat&quot; and a box around the cat.</source>
        <translation>어떤 작업일까요? 고양이 한 마리가 있는 사진에 &quot;고양이&quot;라는 레이블과 고양이를 둘러싼 상자를 붙입니다.</translation>
    </message>
    <message>
        <source>Which task is this? A product photo gets its brand and a box around the one logo on it.</source>
        <translation>어떤 작업일까요? 제품 사진에 브랜드 이름과 사진 속 로고 하나를 둘러싼 상자를 붙입니다.</translation>
    </message>
    <message>
        <source>Which task is this? A street camera finds every car and every pedestrian, each with its own box.</source>
        <translation>어떤 작업일까요? 거리 카메라가 모든 자동차와 보행자를 각각 상자로 찾아냅니다.</translation>
    </message>
    <message>
        <source>Which task is this? A shop shelf photo: every bottle gets a box and a product name.</source>
        <translation>어떤 작업일까요? 매장 진열대 사진에서 모든 병에 상자와 제품 이름을 붙입니다.</translation>
    </message>
    <message>
        <source>Which task is this? A brain scan: every pixel is marked as tumour or healthy tissue.</source>
        <translation>어떤 작업일까요? 뇌 스캔 영상의 모든 픽셀을 종양 또는 정상 조직으로 표시합니다.</translation>
    </message>
    <message>
        <source>Which task is this? A self-driving car&apos;s camera image: every pixel is marked road, car, person or sky.</source>
        <translation>어떤 작업일까요? 자율주행차 카메라 영상의 모든 픽셀을 도로, 자동차, 사람, 하늘로 표시합니다.</translation>
    </message>
    <message>
        <source>A segmentation network labels every pixel of a {height}×{width} image with one of {classes} classes. How many class scores does it output per image?</source>
        <translation>분할(Segmentation) 네트워크가 {height}×{width} 이미지의 모든 픽셀에 {classes}개 클래스 중 하나의 레이블을 붙입니다. 이미지 한 장에 클래스 점수를 몇 개 출력합니까?</translation>
    </message>
    <message>
        <source>One score per class for every pixel.</source>
        <translation>픽셀마다 클래스당 점수 하나.</translation>
    </message>
    <message>
        <source>{height}·{width}·{classes} = {answer}.</source>
        <translation>{height}·{width}·{classes} = {answer}.</translation>
    </message>
    <message>
        <source>A classifier sorts images into {classes} classes; its last Dense layer reads {features} features. How many parameters does that layer learn?</source>
        <translation>분류기가 이미지를 {classes}개 클래스로 나눕니다. 마지막 Dense 층은 특성 {features}개를 읽습니다. 이 층이 학습하는 파라미터는 몇 개입니까?</translation>
    </message>
    <message>
        <source>It needs one output per class; each output has one weight per feature and a bias.</source>
        <translation>클래스마다 출력이 하나 필요하고, 출력마다 특성당 가중치 하나와 편향 하나가 있습니다.</translation>
    </message>
    <message>
        <source>{classes} units of {features} weights and a bias each: {features}·{classes} + {classes} = {answer}.</source>
        <translation>가중치 {features}개와 편향 하나를 가진 유닛 {classes}개: {features}·{classes} + {classes} = {answer}.</translation>
    </message>
    <message>
        <source>A frozen pretrained base ends in a {channels}×{size}×{size} feature map. Global average pooling and a new Dense layer for {classes} classes follow. How many parameters are trained?</source>
        <translation>동결된 사전 훈련된 베이스가 {channels}×{size}×{size} 특징 맵으로 끝납니다. 그 뒤에 전역 평균 풀링과 {classes}개 클래스를 위한 새 Dense 층이 옵니다. 훈련되는 파라미터는 몇 개입니까?</translation>
    </message>
    <message>
        <source>The base is frozen and pooling learns nothing: count only the new Dense layer&apos;s parameters.</source>
        <translation>베이스는 동결되어 있고 풀링에는 학습할 파라미터가 없습니다: 새 Dense 층의 파라미터만 세세요.</translation>
    </message>
    <message>
        <source>Global average pooling leaves {channels} numbers: {channels}·{classes} + {classes} = {answer}.</source>
        <translation>전역 평균 풀링 뒤에는 숫자 {channels}개가 남습니다: {channels}·{classes} + {classes} = {answer}.</translation>
    </message>
    <message>
        <source>The same frozen base ({channels}×{size}×{size}) is followed by Flatten and a Dense layer for {classes} classes. How many parameters are trained?</source>
        <translation>같은 동결된 베이스({channels}×{size}×{size}) 뒤에 평면화(Flatten) 층과 {classes}개 클래스를 위한 Dense 층이 옵니다. 훈련되는 파라미터는 몇 개입니까?</translation>
    </message>
    <message>
        <source>Flatten keeps every value: channels · height · width inputs to the Dense layer.</source>
        <translation>평면화(Flatten)는 모든 값을 남깁니다: 채널 · 높이 · 너비 개의 입력이 Dense 층으로 들어갑니다.</translation>
    </message>
    <message>
        <source>{channels}·{size}·{size} = {inputs} inputs: {inputs}·{classes} + {classes} = {answer}.</source>
        <translation>{channels}·{size}·{size} = 입력 {inputs}개: {inputs}·{classes} + {classes} = {answer}.</translation>
    </message>
    <message>
        <source>A pretrained base halves the height and width {halvings} times (stride 2, &apos;same&apos; padding). A {size}×{size} image goes in: how wide is the feature map that comes out?</source>
        <translation>사전 훈련된 베이스가 높이와 너비를 {halvings}번 절반으로 줄입니다(스트라이드 2, Same 패딩). {size}×{size} 이미지가 들어가면 나오는 특징 맵의 너비는 얼마입니까?</translation>
    </message>
    <message>
        <source>{steps}: the feature map is {answer}×{answer}.</source>
        <translation>{steps}: 특징 맵은 {answer}×{answer}입니다.</translation>
    </message>
    <message>
        <source>The best validation accuracy is {best} % at epoch {best_epoch}; {patience} epochs later, after epoch {stop_epoch}, training stops and keeps the weights of epoch {best_epoch}.</source>
        <translation>가장 좋은 검증 정확도는 에포크 {best_epoch}의 {best} %입니다. {patience} 에포크 뒤인 에포크 {stop_epoch}가 끝나면 훈련이 멈추고 에포크 {best_epoch}의 가중치가 남습니다.</translation>
    </message>
    <message>
        <source>Which of these does NOT help against overfitting?</source>
        <translation>다음 중 과대 적합을 막는 데 도움이 되지 않는 것은 무엇입니까?</translation>
    </message>
    <message>
        <source>Data augmentation (random flips, rotations, shifts)</source>
        <translation>데이터 증식(무작위 뒤집기, 회전, 이동)</translation>
    </message>
    <message>
        <source>Dropout before the Dense layers</source>
        <translation>Dense 층 앞의 드롭아웃</translation>
    </message>
    <message>
        <source>Early stopping on the validation accuracy</source>
        <translation>검증 정확도를 기준으로 한 조기 종료</translation>
    </message>
    <message>
        <source>Training for many more epochs on the same images</source>
        <translation>같은 이미지로 훨씬 더 많은 에포크 동안 훈련하기</translation>
    </message>
    <message>
        <source>Overfitting means learning the training images by heart.</source>
        <translation>과대 적합은 훈련 이미지를 통째로 외우는 것입니다.</translation>
    </message>
    <message>
        <source>More epochs on the same images let the network memorise them even more; the other three make memorising harder or stop it in time.</source>
        <translation>같은 이미지로 에포크를 늘리면 네트워크가 그 이미지를 더 잘 외울 뿐입니다. 나머지 셋은 외우기를 어렵게 하거나 제때 멈춥니다.</translation>
    </message>
    <message>
        <source>The filter slides with stride {stride} over the input (no padding). What number belongs in the hidden output cell [{row}, {col}]?</source>
        <translation>필터가 스트라이드 {stride}로 입력 위를 움직입니다(패딩 없음). 가려진 출력 칸 [{row}, {col}]에 들어갈 숫자는 무엇입니까?</translation>
    </message>
    <message>
        <source>The filter slides with stride {stride} over the input (padding {padding}, shown as grey zeros). What number belongs in the hidden output cell [{row}, {col}]?</source>
        <translation>필터가 스트라이드 {stride}로 입력 위를 움직입니다(패딩 {padding}, 회색 0으로 표시). 가려진 출력 칸 [{row}, {col}]에 들어갈 숫자는 무엇입니까?</translation>
    </message>
    <message>
        <source>Max pooling: a {pool}×{pool} window, stride {stride}. What number belongs in the hidden output cell [{row}, {col}]?</source>
        <translation>최대 풀링: {pool}×{pool} 윈도우, 스트라이드 {stride}. 가려진 출력 칸 [{row}, {col}]에 들어갈 숫자는 무엇입니까?</translation>
    </message>
    <message>
        <source>Average pooling: a {pool}×{pool} window, stride {stride}. What number belongs in the hidden output cell [{row}, {col}]?</source>
        <translation>평균 풀링: {pool}×{pool} 윈도우, 스트라이드 {stride}. 가려진 출력 칸 [{row}, {col}]에 들어갈 숫자는 무엇입니까?</translation>
    </message>
    <message>
        <source>Min pooling: a {pool}×{pool} window, stride {stride}. What number belongs in the hidden output cell [{row}, {col}]?</source>
        <translation>최소 풀링: {pool}×{pool} 윈도우, 스트라이드 {stride}. 가려진 출력 칸 [{row}, {col}]에 들어갈 숫자는 무엇입니까?</translation>
    </message>
    <message>
        <source>Its window starts at row {top}, column {left} of the input as shown (padding included): multiply each value by the filter&apos;s weight at the same place and add.</source>
        <translation>이 칸의 윈도우는 표시된 입력(패딩 포함)의 {top}행 {left}열에서 시작합니다: 각 값에 같은 자리의 필터 가중치를 곱해 더하세요.</translation>
    </message>
    <message>
        <source>Its window starts at row {top}, column {left} of the input as shown; padding never counts.</source>
        <translation>이 칸의 윈도우는 표시된 입력의 {top}행 {left}열에서 시작합니다. 패딩은 계산에 넣지 않습니다.</translation>
    </message>
    <message>
        <source>Output [{row}, {col}]: {sum}</source>
        <translation>출력 [{row}, {col}]: {sum}</translation>
    </message>
    <message>
        <source>This model stands on the pretrained {network}: its hundreds of layers are not walked through here. Train a network made of blocks only, or use the LeNet-5 that comes with the app.</source>
        <translation>이 모델은 사전 훈련된 {network} 위에 있습니다. 그 수백 개의 층은 여기서 따라가 볼 수 없습니다. 블록으로만 만든 네트워크를 훈련하거나 앱에 들어 있는 LeNet-5를 쓰세요.</translation>
    </message>
    <message>
        <source>{network} reads colour images: set the channels to 3 (RGB) on the Data page</source>
        <translation>{network}은(는) 컬러 이미지를 읽습니다: 데이터 페이지에서 채널을 3(RGB)으로 하세요</translation>
    </message>
    <message>
        <source>{network} has {blocks} blocks; {unfrozen} cannot be unfrozen</source>
        <translation>{network}의 블록은 {blocks}개입니다. {unfrozen}개를 동결 해제할 수는 없습니다</translation>
    </message>
    <message>
        <source>{network} needs images of at least {size}×{size} pixels</source>
        <translation>{network}은(는) 적어도 {size}×{size} 픽셀 이미지가 필요합니다</translation>
    </message>
    <message>
        <source>epoch {epoch}: the loss became NaN or infinite — training stopped and the weights of epoch {previous} were kept. Try a lower learning rate (now {learning_rate}).</source>
        <translation>에포크 {epoch}: 손실이 NaN 또는 무한대가 되었습니다 — 훈련을 멈추고 에포크 {previous}의 가중치를 유지했습니다. 학습률을 낮춰 보세요 (지금 {learning_rate}).</translation>
    </message>
    <message>
        <source>epoch {epoch}: out of memory on {device} at batch size {batch_size} — try a smaller batch size such as {smaller}; the weights of epoch {previous} were kept.</source>
        <translation>에포크 {epoch}: 배치 크기 {batch_size}에서 {device}의 메모리가 부족합니다 — {smaller}처럼 더 작은 배치 크기를 써 보세요. 에포크 {previous}의 가중치를 유지했습니다.</translation>
    </message>
    <message>
        <source>the checkpoint was saved for a different network and does not fit this one — start a new run instead of resuming</source>
        <translation>이 체크포인트는 다른 네트워크용으로 저장되어 이 네트워크에 맞지 않습니다 — 이어서 훈련하는 대신 새로 훈련을 시작하세요</translation>
    </message>
    <message>
        <source>epochs must be at least 1, got {epochs}</source>
        <translation>에포크는 1 이상이어야 합니다. 받은 값: {epochs}</translation>
    </message>
    <message>
        <source>the checkpoint was trained on the classes {trained} but the data now has {now} — start a new run instead of resuming</source>
        <translation>이 체크포인트는 클래스 {trained}로 훈련되었지만 지금 데이터의 클래스는 {now}입니다 — 이어서 훈련하는 대신 새로 훈련을 시작하세요</translation>
    </message>
    <message>
        <source>the network does not fit in the memory of {device} — make it smaller (fewer units or filters) or the images smaller</source>
        <translation>네트워크가 {device}의 메모리에 들어가지 않습니다 — 네트워크를 작게(유닛이나 필터를 적게) 하거나 이미지를 작게 하세요</translation>
    </message>
    <message>
        <source>this run has already done {done} epochs; ask for more than that (--epochs {more})</source>
        <translation>이 실행은 이미 {done} 에포크를 마쳤습니다. 그보다 많이 요청하세요 (--epochs {more})</translation>
    </message>
    <message>
        <source>could not write the run&apos;s checkpoints to {folder} — is the disk full or read-only? The epochs finished before are kept.</source>
        <translation>실행의 체크포인트를 {folder}에 쓸 수 없습니다 — 디스크가 가득 찼거나 읽기 전용인가요? 그 전에 끝난 에포크는 보존됩니다.</translation>
    </message>
    <message>
        <source>must be auto, cpu, cuda, cuda:N or mps; got {value}</source>
        <translation>auto, cpu, cuda, cuda:N, mps 중 하나여야 합니다. 받은 값: {value}</translation>
    </message>
    <message>
        <source>must be 1 (grayscale) or 3 (RGB), got {value}</source>
        <translation>1(흑백) 또는 3(RGB)이어야 합니다. 받은 값: {value}</translation>
    </message>
    <message>
        <source>conv2d {size} {padding}</source>
        <translation>합성곱 {size} {padding}</translation>
    </message>
    <message>
        <source>maxpool2d {size} {padding}</source>
        <translation>최대 풀링 {size} {padding}</translation>
    </message>
    <message>
        <source>avgpool2d {size} {padding}</source>
        <translation>평균 풀링 {size} {padding}</translation>
    </message>
    <message>
        <source>minpool2d {size} {padding}</source>
        <translation>최소 풀링 {size} {padding}</translation>
    </message>
    <message>
        <source>batchnorm2d</source>
        <translation>배치 정규화</translation>
    </message>
    <message>
        <source>activation {function}</source>
        <translation>활성화 {function}</translation>
    </message>
    <message>
        <source>dropout {rate}</source>
        <translation>드롭아웃 {rate}</translation>
    </message>
    <message>
        <source>flatten</source>
        <translation>평면화(Flatten)</translation>
    </message>
    <message>
        <source>global_avgpool</source>
        <translation>전역 평균 풀링</translation>
    </message>
    <message>
        <source>dense {units}</source>
        <translation>Dense {units}</translation>
    </message>
    <message>
        <source>dense auto</source>
        <translation>Dense(유닛 수 = 클래스 수)</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>Valid 패딩</translation>
    </message>
    <message>
        <source>same</source>
        <translation>Same 패딩</translation>
    </message>
    <message>
        <source>pad {amount}</source>
        <translation>패딩 {amount}</translation>
    </message>
    <message>
        <source>must be an object, got {value}</source>
        <translation>객체여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>unknown key {key} (known keys: {known})</source>
        <translation>알 수 없는 키 {key}입니다 (알려진 키: {known})</translation>
    </message>
    <message>
        <source>must be a whole number, got {value}</source>
        <translation>정수여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>must be a number, got {value}</source>
        <translation>숫자여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>must be below {limit}, got {value}</source>
        <translation>{limit}보다 작아야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>must be at least {minimum}, got {value}</source>
        <translation>{minimum} 이상이어야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>must be at most {maximum}, got {value}</source>
        <translation>{maximum} 이하여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>must be true or false, got {value}</source>
        <translation>true 또는 false여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>must be text, got {value}</source>
        <translation>텍스트여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>must be one of {choices}; got {value}</source>
        <translation>{choices} 중 하나여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>must be a whole number or [height, width], got {value}</source>
        <translation>정수나 [높이, 너비]여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>must be a number or [width, height], got {value}</source>
        <translation>숫자나 [너비, 높이]여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>must be &apos;valid&apos;, &apos;same&apos;, a whole number or [height, width], got {value}</source>
        <translation>&apos;valid&apos;, &apos;same&apos;, 정수 또는 [높이, 너비]여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>must be a positive whole number or &apos;auto&apos;, got {value}</source>
        <translation>양의 정수나 &apos;auto&apos;(클래스 수)여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>must be an object with a &apos;type&apos;, got {value}</source>
        <translation>&apos;type&apos;이 있는 객체여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>unknown layer type {kind} (known: {known})</source>
        <translation>알 수 없는 층 종류 {kind}입니다 (알려진 종류: {known})</translation>
    </message>
    <message>
        <source>unknown pretrained network {key} (known: {known})</source>
        <translation>알 수 없는 사전 훈련된 네트워크 {key}입니다 (알려진 네트워크: {known})</translation>
    </message>
    <message>
        <source>{network} comes from timm, which is not installed — pip install timm</source>
        <translation>{network}은(는) timm 라이브러리의 네트워크인데 timm이 설치되어 있지 않습니다 — pip install timm으로 설치하세요</translation>
    </message>
    <message>
        <source>{path} is not a valid weights file ({reason})</source>
        <translation>{path}은(는) 올바른 가중치 파일이 아닙니다 ({reason})</translation>
    </message>
    <message>
        <source>{path} is not a valid weights file (no state dict of tensors in it)</source>
        <translation>{path}은(는) 올바른 가중치 파일이 아닙니다 (텐서로 된 state dict가 없습니다)</translation>
    </message>
    <message>
        <source>{path} does not fit {network}: {missing} missing (e.g. {example}), {unexpected} unexpected and {mismatched} with the wrong shape</source>
        <translation>{path}은(는) {network}에 맞지 않습니다: 가중치 {missing}개가 없고(예: {example}), {unexpected}개는 필요 없는 것이며, {mismatched}개는 모양이 다릅니다</translation>
    </message>
    <message>
        <source>{path} does not fit {network}: {unexpected} unexpected (e.g. {example}) and {mismatched} with the wrong shape</source>
        <translation>{path}은(는) {network}에 맞지 않습니다: 가중치 {unexpected}개는 필요 없는 것이고(예: {example}), {mismatched}개는 모양이 다릅니다</translation>
    </message>
    <message>
        <source>{path} does not fit {network}: {mismatched} with the wrong shape (e.g. {example})</source>
        <translation>{path}은(는) {network}에 맞지 않습니다: 가중치 {mismatched}개의 모양이 다릅니다 (예: {example})</translation>
    </message>
    <message>
        <source>the ImageNet weights of {network} are not on this machine (looked for {names} in {places}). Download {source} on a machine with internet and use Import weights, or copy it into {folder}</source>
        <translation>{network}의 ImageNet 가중치가 이 컴퓨터에 없습니다 ({places}에서 {names}을(를) 찾았습니다). 인터넷이 되는 컴퓨터에서 {source}을(를) 내려받아 &apos;가중치 가져오기&apos;를 쓰거나, {folder}에 복사하세요</translation>
    </message>
    <message>
        <source>weights file not found: {path}</source>
        <translation>가중치 파일을 찾을 수 없습니다: {path}</translation>
    </message>
    <message>
        <source>{network} was trained on animal silhouettes, not on ImageNet</source>
        <translation>{network}은(는) ImageNet이 아니라 동물 실루엣으로 훈련되었습니다</translation>
    </message>
    <message>
        <source>The app&apos;s own small network, pretrained on the animal silhouettes (builtin:animals): ships with the app, so transfer learning works with nothing downloaded.</source>
        <translation>앱에 들어 있는 작은 네트워크로, 동물 실루엣(builtin:animals)으로 사전 훈련되었습니다. 앱과 함께 설치되므로 아무것도 내려받지 않고 전이 학습을 할 수 있습니다.</translation>
    </message>
    <message>
        <source>Simonyan &amp; Zisserman 2014: 13 3×3 conv layers in 5 blocks, then 3 dense layers.</source>
        <translation>Simonyan &amp; Zisserman 2014: 5개 블록에 3×3 합성곱 층 13개, 그 뒤에 완전 연결층 3개.</translation>
    </message>
    <message>
        <source>VGG with 16 conv layers (then the same 3 dense layers): deeper, the same idea.</source>
        <translation>합성곱 층이 16개인 VGG(뒤에 같은 완전 연결층 3개): 더 깊지만 같은 아이디어입니다.</translation>
    </message>
    <message>
        <source>He et al. 2015: residual blocks whose skip connections let very deep networks train.</source>
        <translation>He 외 2015: 건너뛰는 연결(skip connection)이 있는 잔차 블록 덕분에 아주 깊은 네트워크도 훈련됩니다.</translation>
    </message>
    <message>
        <source>A deeper ResNet with bottleneck blocks.</source>
        <translation>병목(bottleneck) 블록으로 된 더 깊은 ResNet입니다.</translation>
    </message>
    <message>
        <source>Small and fast (depthwise separable convolutions): fine-tunes on a laptop.</source>
        <translation>작고 빠릅니다(깊이별 분리 합성곱): 노트북에서도 미세 조정할 수 있습니다.</translation>
    </message>
    <message>
        <source>MobileNet tuned for phones: the smallest here.</source>
        <translation>휴대폰에 맞춘 MobileNet: 여기서 가장 작습니다.</translation>
    </message>
    <message>
        <source>The larger MobileNetV3.</source>
        <translation>더 큰 MobileNetV3입니다.</translation>
    </message>
    <message>
        <source>Tan &amp; Le 2019: depth, width and resolution scaled together.</source>
        <translation>Tan &amp; Le 2019: 깊이, 너비, 해상도를 함께 키웠습니다.</translation>
    </message>
    <message>
        <source>Szegedy et al. 2016: Inception modules with residual connections (timm).</source>
        <translation>Szegedy 외 2016: 잔차 연결이 있는 Inception 모듈 (timm).</translation>
    </message>
    <message>
        <source>Chollet 2017: depthwise separable convolutions all the way (timm).</source>
        <translation>Chollet 2017: 처음부터 끝까지 깊이별 분리 합성곱 (timm).</translation>
    </message>
    <message>
        <source>unknown device {name} — use auto, cpu, cuda, cuda:N or mps</source>
        <translation>알 수 없는 장치 {name}입니다 — auto, cpu, cuda, cuda:N 또는 mps를 쓰세요</translation>
    </message>
    <message>
        <source>device {name} is not available on this machine (no such CUDA GPU) — use &apos;auto&apos; or &apos;cpu&apos;</source>
        <translation>이 컴퓨터에는 장치 {name}이(가) 없습니다 (그런 CUDA GPU가 없습니다) — &apos;auto&apos;나 &apos;cpu&apos;를 쓰세요</translation>
    </message>
    <message>
        <source>device &apos;mps&apos; is not available on this machine — use &apos;auto&apos; or &apos;cpu&apos;</source>
        <translation>이 컴퓨터에서는 &apos;mps&apos; 장치를 쓸 수 없습니다 — &apos;auto&apos;나 &apos;cpu&apos;를 쓰세요</translation>
    </message>
    <message>
        <source>could not join the torchrun job as rank {rank} of {world}: {error}</source>
        <translation>torchrun 작업에 {world}개 중 {rank}번 프로세스로 참여하지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>empty file (0 bytes)</source>
        <translation>빈 파일 (0바이트)</translation>
    </message>
    <message>
        <source>too large: {width}x{height} pixels (limit {limit}); a decompression bomb?</source>
        <translation>너무 큽니다: {width}x{height} 픽셀 (한도 {limit}). 압축 폭탄일까요?</translation>
    </message>
    <message>
        <source>too large; a decompression bomb?</source>
        <translation>너무 큽니다. 압축 폭탄일까요?</translation>
    </message>
    <message>
        <source>not an image, or an unsupported format</source>
        <translation>이미지가 아니거나 지원하지 않는 형식입니다</translation>
    </message>
    <message>
        <source>damaged or unreadable: {error}</source>
        <translation>손상되었거나 읽을 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>{folder} is not a folder</source>
        <translation>{folder}은(는) 폴더가 아닙니다</translation>
    </message>
    <message>
        <source>no class folders in {folder} — put each class&apos;s images in its own subfolder ({example_a}, {example_b}, ...)</source>
        <translation>{folder}에 클래스 폴더가 없습니다 — 클래스마다 이미지를 각자의 하위 폴더에 넣으세요 ({example_a}, {example_b}, ...)</translation>
    </message>
    <message>
        <source>no class folders in {folder} (found {loose} images directly in it) — put each class&apos;s images in its own subfolder ({example_a}, {example_b}, ...)</source>
        <translation>{folder}에 클래스 폴더가 없습니다 (바로 안에 이미지 {loose}개가 있음) — 클래스마다 이미지를 각자의 하위 폴더에 넣으세요 ({example_a}, {example_b}, ...)</translation>
    </message>
    <message>
        <source>only one class folder ({name}) in {folder}: a classifier needs at least two — put each class&apos;s images in its own subfolder ({example_a}, {example_b}, ...)</source>
        <translation>{folder}에 클래스 폴더가 하나({name})뿐입니다: 분류기에는 적어도 두 개가 필요합니다 — 클래스마다 이미지를 각자의 하위 폴더에 넣으세요 ({example_a}, {example_b}, ...)</translation>
    </message>
    <message>
        <source>class folder &apos;{name}&apos; in {folder} has no images (.png, .jpg, .bmp, .gif, .tif, .webp)</source>
        <translation>{folder}의 클래스 폴더 &apos;{name}&apos;에 이미지가 없습니다 (.png, .jpg, .bmp, .gif, .tif, .webp)</translation>
    </message>
    <message>
        <source>class folder &apos;{name}&apos; in {folder} has no readable images ({skipped} skipped)</source>
        <translation>{folder}의 클래스 폴더 &apos;{name}&apos;에 읽을 수 있는 이미지가 없습니다 ({skipped}개 건너뜀)</translation>
    </message>
    <message>
        <source>{name} cannot be a class name: use letters, digits, spaces, - or _</source>
        <translation>{name}은(는) 클래스 이름이 될 수 없습니다: 글자, 숫자, 공백, - 또는 _를 쓰세요</translation>
    </message>
    <message>
        <source>there is already a class called {name}</source>
        <translation>{name}(이)라는 클래스가 이미 있습니다</translation>
    </message>
    <message>
        <source>{count} images of {channels}×{height}×{width} need {needed} GB of memory, more than this machine can spare ({allowed} GB) — use a smaller image size (at most about {largest}×{largest})</source>
        <translation>{channels}×{height}×{width} 이미지 {count}개에는 메모리 {needed} GB가 필요해 이 컴퓨터가 내줄 수 있는 양({allowed} GB)보다 많습니다 — 이미지 크기를 줄이세요 (최대 약 {largest}×{largest})</translation>
    </message>
    <message>
        <source>{count} images are more than memory holds, so they are decoded to the disk, but they need {needed} GB there and {folder} has {free} GB free — free some space or use a smaller image size</source>
        <translation>이미지 {count}개는 메모리에 다 들어가지 않아 디스크에 디코딩해 두는데, 거기에 {needed} GB가 필요하고 {folder}에는 {free} GB만 비어 있습니다 — 공간을 비우거나 이미지 크기를 줄이세요</translation>
    </message>
    <message>
        <source>the decoded images written to {path} cannot be read back — is the disk failing?</source>
        <translation>{path}에 써 둔 디코딩된 이미지를 다시 읽을 수 없습니다 — 디스크에 문제가 있나요?</translation>
    </message>
    <message>
        <source>{source} is not installed on this machine — {how}</source>
        <translation>{source}이(가) 이 컴퓨터에 설치되어 있지 않습니다 — {how}</translation>
    </message>
    <message>
        <source>{path}: {problem}</source>
        <translation>{path}: {problem}</translation>
    </message>
    <message>
        <source>project file not found: {path}</source>
        <translation>프로젝트 파일을 찾을 수 없습니다: {path}</translation>
    </message>
    <message>
        <source>project file not found: {name} (examples: {examples})</source>
        <translation>프로젝트 파일을 찾을 수 없습니다: {name} (예제: {examples})</translation>
    </message>
    <message>
        <source>{path} is not a regular file — a project is a .json file</source>
        <translation>{path}은(는) 일반 파일이 아닙니다 — 프로젝트는 .json 파일입니다</translation>
    </message>
    <message>
        <source>{path} is larger than {limit} MB, far more than any project holds — is it the right file?</source>
        <translation>{path}이(가) {limit} MB보다 큽니다. 어떤 프로젝트보다도 훨씬 큽니다 — 올바른 파일인가요?</translation>
    </message>
    <message>
        <source>cannot read project file {path}: {reason}</source>
        <translation>프로젝트 파일 {path}을(를) 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text — a project file is JSON</source>
        <translation>{path}은(는) UTF-8 텍스트가 아닙니다 — 프로젝트 파일은 JSON입니다</translation>
    </message>
    <message>
        <source>not valid JSON: {reason} at line {line}, column {column}</source>
        <translation>올바른 JSON이 아닙니다: {line}행 {column}열에서 {reason}</translation>
    </message>
    <message>
        <source>not valid JSON: a number with more than {limit} digits</source>
        <translation>올바른 JSON이 아닙니다: 숫자가 {limit}자리를 넘습니다</translation>
    </message>
    <message>
        <source>holds text that is not valid Unicode ({found})</source>
        <translation>올바른 유니코드가 아닌 텍스트가 있습니다 ({found})</translation>
    </message>
    <message>
        <source>nested more than {limit} levels deep — not a CNN Playground project</source>
        <translation>중첩이 {limit}단계보다 깊습니다 — CNN Playground 프로젝트가 아닙니다</translation>
    </message>
    <message>
        <source>a project file must hold one JSON object</source>
        <translation>프로젝트 파일에는 JSON 객체 하나가 있어야 합니다</translation>
    </message>
    <message>
        <source>missing key &apos;format&apos; (expected {expected})</source>
        <translation>&apos;format&apos; 키가 없습니다 (필요한 값: {expected})</translation>
    </message>
    <message>
        <source>not a CNN Playground project (expected {expected}, got {found})</source>
        <translation>CNN Playground 프로젝트가 아닙니다 (필요한 값: {expected}, 실제 값: {found})</translation>
    </message>
    <message>
        <source>unreadable format version {found}</source>
        <translation>형식 버전을 읽을 수 없습니다: {found}</translation>
    </message>
    <message>
        <source>this project was written by a newer CNN Playground ({found}); this version reads up to {expected} — update the app</source>
        <translation>이 프로젝트는 더 새로운 CNN Playground({found})로 저장되었습니다. 이 버전은 {expected}까지 읽습니다 — 앱을 업데이트하세요</translation>
    </message>
    <message>
        <source>a layer&apos;s type must be text such as conv2d, got {found}</source>
        <translation>계층의 type은 conv2d 같은 텍스트여야 합니다. 실제 값: {found}</translation>
    </message>
    <message>
        <source>must be a list of layers, got {found}</source>
        <translation>계층의 목록이어야 합니다. 실제 값: {found}</translation>
    </message>
    <message>
        <source>the network needs {needed} GB of memory, more than this machine can spare ({allowed} GB): {weights} GB for its {params} parameters and the copies kept of them, {activations} GB for what its layers output for {images} images at once — use fewer units or filters (a typo such as 30000 units?), smaller images or a smaller batch</source>
        <translation>네트워크에 {needed} GB의 메모리가 필요하지만 이 컴퓨터가 내줄 수 있는 양({allowed} GB)보다 많습니다: 파라미터 {params}개와 그 사본에 {weights} GB, 이미지 {images}장을 한 번에 처리할 때 층들이 내는 출력에 {activations} GB — 유닛이나 필터 수를 줄이거나(30000 유닛 같은 오타인가요?), 이미지나 배치 크기를 줄이세요</translation>
    </message>
    <message>
        <source>the file is damaged, or it is not a PyTorch checkpoint</source>
        <translation>파일이 손상되었거나 PyTorch 체크포인트가 아닙니다</translation>
    </message>
    <message>
        <source>{checkpoint} cannot continue in {project}: {keys} changed since it was saved — change them back, or start a new run</source>
        <translation>{checkpoint}은(는) {project}에서 이어서 훈련할 수 없습니다: 저장한 뒤로 {keys}이(가) 바뀌었습니다 — 되돌리거나 새로 훈련을 시작하세요</translation>
    </message>
    <message>
        <source>the training process speaks protocol version {found}, this window version {expected} — the app was updated while it was open: restart it</source>
        <translation>훈련 프로세스의 프로토콜 버전은 {found}, 이 창은 {expected}입니다 — 앱이 열려 있는 동안 업데이트되었습니다: 앱을 다시 시작하세요</translation>
    </message>
    <message>
        <source>a training job of {count} images would need a manifest larger than the {limit} MB check-job reads — train on fewer images, or in several jobs</source>
        <translation>이미지 {count}장의 훈련 작업은 check-job이 읽는 {limit} MB보다 큰 매니페스트가 필요합니다 — 더 적은 이미지로, 또는 여러 작업으로 나누어 훈련하세요</translation>
    </message>
    <message>
        <source>output size: {formula}</source>
        <translation>출력 크기: {formula}</translation>
    </message>
    <message>
        <source>no lesson {lesson} has exercises: use one of {known}</source>
        <translation>연습 문제가 있는 수업 {lesson}이(가) 없습니다: 다음 중 하나를 쓰세요: {known}</translation>
    </message>
    <message>
        <source>--seed must be a whole number from 0 to {largest}, got {seed}</source>
        <translation>--seed는 0부터 {largest}까지의 정수여야 합니다. 받은 값: {seed}</translation>
    </message>
    <message>
        <source>{path} does not end in .pdf: a worksheet is written as a PDF</source>
        <translation>{path}의 끝이 .pdf가 아닙니다. 연습지는 PDF로 씁니다</translation>
    </message>
    <message>
        <source>wrote {path}: the worksheet of {lesson}, sheet {seed}</source>
        <translation>{path}에 썼습니다: {lesson} 연습지, {seed}번</translation>
    </message>
    <message>
        <source>wrote {path}: the answer key of {lesson}, sheet {seed}</source>
        <translation>{path}에 썼습니다: {lesson} 정답지, {seed}번</translation>
    </message>
    <message>
        <source>larger than {limit} KB: not a progress file</source>
        <translation>{limit} KB보다 큽니다: 진도 파일이 아닙니다</translation>
    </message>
    <message>
        <source>cannot be read: {error}</source>
        <translation>읽을 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>damaged: not readable as a progress file</source>
        <translation>손상됨: 진도 파일로 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>not a CNN Playground progress file</source>
        <translation>CNN Playground 진도 파일이 아닙니다</translation>
    </message>
    <message>
        <source>changed after it was exported (its checksum does not match)</source>
        <translation>내보낸 뒤에 바뀌었습니다(체크섬이 맞지 않음)</translation>
    </message>
    <message>
        <source>not what the app writes: a name or a lesson&apos;s entry is missing or wrong</source>
        <translation>앱이 쓰는 형식이 아닙니다: 이름이나 수업 항목이 없거나 잘못되었습니다</translation>
    </message>
    <message>
        <source>a second file of {student}: {first} is already in the table</source>
        <translation>{student}의 두 번째 파일: {first}이(가) 이미 표에 있습니다</translation>
    </message>
    <message>
        <source>{name}: {parameters} parameters, {train} training and {val} validation images, on {device}; writing to {out}</source>
        <translation>{name}: 파라미터 {parameters}개, 훈련 이미지 {train}장과 검증 이미지 {val}장, 장치 {device}, 저장 위치 {out}</translation>
    </message>
    <message>
        <source>epoch {epoch}/{epochs}  train loss {loss} acc {acc}{val}  {speed} img/s  {seconds} s{best}</source>
        <translation>에포크 {epoch}/{epochs}  훈련 손실 {loss} 정확도 {acc}{val}  초당 이미지 {speed}장  {seconds}초{best}</translation>
    </message>
    <message>
        <source>  val loss {loss} acc {acc}</source>
        <translation>  검증 손실 {loss} 정확도 {acc}</translation>
    </message>
    <message>
        <source>  *best</source>
        <translation>  *최고</translation>
    </message>
    <message>
        <source>{reason}: {best}; checkpoint {checkpoint}</source>
        <translation>{reason}: {best}, 체크포인트 {checkpoint}</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>early stopping</source>
        <translation>조기 종료</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>no epoch finished</source>
        <translation>끝난 에포크가 없습니다</translation>
    </message>
    <message>
        <source>best validation accuracy {accuracy} (epoch {epoch})</source>
        <translation>최고 검증 정확도 {accuracy} (에포크 {epoch})</translation>
    </message>
    <message>
        <source>best training accuracy {accuracy} (epoch {epoch}; no validation split)</source>
        <translation>최고 훈련 정확도 {accuracy} (에포크 {epoch}, 검증용 데이터 없음)</translation>
    </message>
    <message>
        <source>skipped {count} unreadable files:</source>
        <translation>읽을 수 없는 파일 {count}개를 건너뛰었습니다:</translation>
    </message>
    <message>
        <source>stopping after this batch (Ctrl+C again to quit at once)</source>
        <translation>이 배치가 끝나면 멈춥니다(바로 끝내려면 Ctrl+C를 한 번 더)</translation>
    </message>
    <message>
        <source>error: {message}</source>
        <translation>오류: {message}</translation>
    </message>
    <message>
        <source>warning: {message}</source>
        <translation>경고: {message}</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>중단되었습니다</translation>
    </message>
    <message>
        <source>{path} cannot go into a bundle: its name holds a character another system cannot keep (\, :, a control character) or is over 1024 characters long — rename it</source>
        <translation>{path}은(는) 번들에 넣을 수 없습니다: 이름에 다른 시스템이 가질 수 없는 문자(\, :, 제어 문자)가 있거나 1024자보다 깁니다 — 이름을 바꾸세요</translation>
    </message>
    <message>
        <source>the bundle would hold {count} files, more than the {limit} a bundle may hold — use fewer images</source>
        <translation>번들에 파일이 {count}개 들어가게 되어 번들이 담을 수 있는 {limit}개보다 많습니다 — 이미지를 줄이세요</translation>
    </message>
    <message>
        <source>{path} is {size} MB, more than the {limit} MB one file of a bundle may take — it cannot go into a bundle</source>
        <translation>{path}은(는) {size} MB로, 번들의 파일 하나가 가질 수 있는 {limit} MB보다 큽니다 — 번들에 넣을 수 없습니다</translation>
    </message>
    <message>
        <source>the bundle would take {size} MB, more than the {limit} MB a bundle may take — use fewer or smaller images</source>
        <translation>번들이 {size} MB가 되어 번들이 가질 수 있는 {limit} MB보다 큽니다 — 이미지를 줄이거나 더 작게 하세요</translation>
    </message>
    <message>
        <source>{path} was not written: it would not open again ({problem})</source>
        <translation>{path}을(를) 쓰지 않았습니다: 다시 열 수 없게 됩니다({problem})</translation>
    </message>
    <message>
        <source>{path} is a link (to {target}) — a bundle packs only the project&apos;s own files, never what a link points to; replace the link by a copy of the file, or remove it</source>
        <translation>{path}은(는) 링크({target}을(를) 가리킴)입니다 — 번들에는 프로젝트 자신의 파일만 담고, 링크가 가리키는 것은 담지 않습니다. 링크를 파일의 복사본으로 바꾸거나 지우세요</translation>
    </message>
    <message>
        <source>CNN Playground {version}: checking this computer</source>
        <translation>CNN Playground {version}: 이 컴퓨터 점검</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Python {version}</source>
        <translation>Python {version}</translation>
    </message>
    <message>
        <source>PyTorch {version}</source>
        <translation>PyTorch {version}</translation>
    </message>
    <message>
        <source>PyTorch cannot be loaded ({reason}) — install the app again (the classroom kit&apos;s install)</source>
        <translation>PyTorch를 불러올 수 없습니다 ({reason}) — 앱을 다시 설치하세요 (교실용 키트의 설치 파일)</translation>
    </message>
    <message>
        <source>Qt {version} (PySide6)</source>
        <translation>Qt {version} (PySide6)</translation>
    </message>
    <message>
        <source>Qt (PySide6) is not installed — install the app again (the classroom kit&apos;s install)</source>
        <translation>Qt(PySide6)가 설치되어 있지 않습니다 — 앱을 다시 설치하세요 (교실용 키트의 설치 파일)</translation>
    </message>
    <message>
        <source>{cores} CPU cores</source>
        <translation>CPU 코어 {cores}개</translation>
    </message>
    <message>
        <source>{cores} CPU core: training is slow — keep to small networks and few epochs</source>
        <translation>CPU 코어 {cores}개: 훈련이 느립니다 — 작은 네트워크와 적은 에포크로 하세요</translation>
    </message>
    <message>
        <source>GPU: {name}</source>
        <translation>GPU: {name}</translation>
    </message>
    <message>
        <source>no GPU: networks train on the CPU, enough for every lesson</source>
        <translation>GPU 없음: 네트워크는 CPU에서 훈련합니다 (모든 수업에 충분합니다)</translation>
    </message>
    <message>
        <source>memory: {available} free of {total}</source>
        <translation>메모리: {total} 중 {available} 사용 가능</translation>
    </message>
    <message>
        <source>memory: {total}</source>
        <translation>메모리: {total}</translation>
    </message>
    <message>
        <source>memory: only {available} free of {total} — close other programs; a pretrained network needs about 2 GB</source>
        <translation>메모리: {total} 중 {available}만 사용 가능 — 다른 프로그램을 닫으세요. 사전 훈련된 네트워크는 약 2 GB가 필요합니다</translation>
    </message>
    <message>
        <source>disk: {free} free for {folder}</source>
        <translation>디스크: {folder}에 {free} 남음</translation>
    </message>
    <message>
        <source>disk: only {free} free for {folder} — free at least 2 GB for images, runs and the image cache</source>
        <translation>디스크: {folder}에 {free}만 남음 — 이미지, 훈련 기록, 이미지 캐시를 위해 2 GB 이상 비우세요</translation>
    </message>
    <message>
        <source>Korean text renders (font: {font})</source>
        <translation>한글이 제대로 표시됩니다 (글꼴: {font})</translation>
    </message>
    <message>
        <source>no font with Hangul: Korean text shows as empty boxes — install a Korean font (Noto Sans CJK KR, on Debian and Ubuntu the fonts-noto-cjk package; on Windows Malgun Gothic)</source>
        <translation>한글 글꼴 없음: 한글이 빈 네모로 보입니다 — 한글 글꼴을 설치하세요 (Noto Sans CJK KR: Debian과 Ubuntu에서는 fonts-noto-cjk 패키지, Windows에서는 맑은 고딕)</translation>
    </message>
    <message>
        <source>the Korean font could not be checked: {reason}</source>
        <translation>한글 글꼴을 점검할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Shapes</source>
        <translation>도형</translation>
    </message>
    <message>
        <source>Digits</source>
        <translation>손글씨 숫자</translation>
    </message>
    <message>
        <source>Animal shapes</source>
        <translation>동물 실루엣</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>dataset {title} ({source})</source>
        <translation>데이터셋 {title} ({source})</translation>
    </message>
    <message>
        <source>dataset {title} ({source}) is missing: its package {package} is not installed — install the app again</source>
        <translation>데이터셋 {title} ({source}) 없음: 패키지 {package}가 설치되어 있지 않습니다 — 앱을 다시 설치하세요</translation>
    </message>
    <message>
        <source>dataset Fashion-MNIST (builtin:fashion-mnist) is not here — install a classroom kit that carries it (built on a PC that has it), or Debian&apos;s dataset-fashion-mnist package</source>
        <translation>데이터셋 Fashion-MNIST (builtin:fashion-mnist) 없음 — 이 데이터셋이 든 교실용 키트(데이터셋이 있는 PC에서 만든 키트)를 설치하거나 Debian의 dataset-fashion-mnist 패키지를 설치하세요</translation>
    </message>
    <message>
        <source>pretrained weights here: {networks}</source>
        <translation>가중치가 있는 사전 훈련된 네트워크: {networks}</translation>
    </message>
    <message>
        <source>pretrained networks without weights: {networks} — bring the files (a classroom kit carries those on the teacher&apos;s PC; `cnn-playground weights` says where to get each), then Import weights…</source>
        <translation>가중치가 없는 사전 훈련된 네트워크: {networks} — 파일을 가져오세요 (교실용 키트에는 교사 PC에 있는 가중치가 들어갑니다. 각 파일을 받을 곳은 `cnn-playground weights`가 알려 줍니다). 그다음 가중치 가져오기…</translation>
    </message>
    <message>
        <source>Playground Mini&apos;s weights are missing ({path}) — install the app again</source>
        <translation>Playground Mini의 가중치가 없습니다 ({path}) — 앱을 다시 설치하세요</translation>
    </message>
    <message>
        <source>data folder {folder} is writable</source>
        <translation>데이터 폴더 {folder}에 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>data folder {folder} cannot be written ({reason}) — the app cannot keep settings, autosaves or images; ask for write access or set CNN_PLAYGROUND_CONFIG_DIR to a folder you may write</source>
        <translation>데이터 폴더 {folder}에 쓸 수 없습니다 ({reason}) — 앱이 설정, 자동 저장, 이미지를 보관할 수 없습니다. 쓰기 권한을 요청하거나 CNN_PLAYGROUND_CONFIG_DIR을 쓸 수 있는 폴더로 정하세요</translation>
    </message>
    <message>
        <source>image cache {folder} is writable</source>
        <translation>이미지 캐시 {folder}에 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>image cache {folder} cannot be written ({reason}) — images are decoded again every time; set CNN_PLAYGROUND_CACHE_DIR to a folder you may write</source>
        <translation>이미지 캐시 {folder}에 쓸 수 없습니다 ({reason}) — 이미지를 매번 다시 읽습니다. CNN_PLAYGROUND_CACHE_DIR을 쓸 수 있는 폴더로 정하세요</translation>
    </message>
    <message>
        <source>ready for the lessons ({warnings} warnings)</source>
        <translation>수업 준비 완료 (경고 {warnings}개)</translation>
    </message>
    <message>
        <source>not ready: {count} thing(s) the lessons need are missing</source>
        <translation>준비 안 됨: 수업에 필요한 것 {count}개가 없습니다</translation>
    </message>
    <message>
        <source>no camera was found on this computer — connect one, or play a video file or a folder of images instead</source>
        <translation>이 컴퓨터에서 카메라를 찾지 못했습니다 — 카메라를 연결하거나, 대신 동영상 파일이나 이미지 폴더를 재생하세요</translation>
    </message>
    <message>
        <source>camera {number} could not be opened: another app may be using it, or the computer&apos;s privacy settings do not allow this app to use it{hint}</source>
        <translation>카메라 {number}을(를) 열 수 없습니다: 다른 앱이 사용 중이거나, 컴퓨터의 개인 정보 보호 설정이 이 앱의 카메라 사용을 허용하지 않습니다{hint}</translation>
    </message>
    <message>
        <source> (System Settings → Privacy &amp; Security → Camera)</source>
        <translation> (시스템 설정 → 개인정보 보호 및 보안 → 카메라)</translation>
    </message>
    <message>
        <source> (Settings → Privacy &amp; security → Camera: let desktop apps use the camera)</source>
        <translation> (설정 → 개인 정보 및 보안 → 카메라: 데스크톱 앱이 카메라에 액세스하도록 허용)</translation>
    </message>
    <message>
        <source> (close the other app; check that you may use /dev/video{number})</source>
        <translation> (다른 앱을 닫고, /dev/video{number}을(를) 쓸 권한이 있는지 확인하세요)</translation>
    </message>
    <message>
        <source>camera {number} opened but sends no picture: another app may be using it, or access was denied{hint}</source>
        <translation>카메라 {number}이(가) 열렸지만 화면을 보내지 않습니다: 다른 앱이 사용 중이거나 접근이 거부되었습니다{hint}</translation>
    </message>
    <message>
        <source>camera {number} stopped sending pictures — was it unplugged? What was recorded so far is kept</source>
        <translation>카메라 {number}이(가) 화면을 보내지 않습니다 — 연결이 빠졌나요? 지금까지 녹화한 것은 그대로 남아 있습니다</translation>
    </message>
    <message>
        <source>{source} was not found — give a camera (camera:0), a video file or a folder of images</source>
        <translation>{source}을(를) 찾을 수 없습니다 — 카메라(camera:0), 동영상 파일 또는 이미지 폴더를 지정하세요</translation>
    </message>
    <message>
        <source>{path} could not be read as a video: it is damaged or in a format that cannot be decoded</source>
        <translation>{path}을(를) 동영상으로 읽을 수 없습니다: 손상되었거나 디코딩할 수 없는 형식입니다</translation>
    </message>
    <message>
        <source>{path} has no picture to show</source>
        <translation>{path}에는 보여 줄 화면이 없습니다</translation>
    </message>
    <message>
        <source>{path} is one image, not a video — put the images in a folder and play the folder</source>
        <translation>{path}은(는) 동영상이 아니라 이미지 한 장입니다 — 이미지들을 폴더에 넣고 그 폴더를 재생하세요</translation>
    </message>
    <message>
        <source>{path} holds no image files (.png, .jpg, …) to play</source>
        <translation>{path}에 재생할 이미지 파일(.png, .jpg, …)이 없습니다</translation>
    </message>
    <message>
        <source>frame {number} could not be saved in {folder}: {reason}</source>
        <translation>프레임 {number}을(를) {folder}에 저장할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>{target} is not a class folder: give the dataset folder and the class, as DATASET/CLASS (for example my_images/cats)</source>
        <translation>{target}은(는) 클래스 폴더가 아닙니다: 데이터셋 폴더와 클래스를 DATASET/CLASS 형식으로 지정하세요 (예: my_images/cats)</translation>
    </message>
    <message>
        <source>checkpoint not found: {path}</source>
        <translation>체크포인트를 찾을 수 없습니다: {path}</translation>
    </message>
    <message>
        <source>A convolutional layer has {filters} filters of {kernel}×{kernel}; its input is {height}×{width}×{channels} (height × width × channels). How many parameters does it learn (weights and biases)?</source>
        <translation>합성곱 계층에 {kernel}×{kernel} 필터가 {filters}개 있고, 입력은 {height}×{width}×{channels}(높이 × 너비 × 채널)입니다. 이 층이 학습하는 파라미터(가중치와 편향)는 몇 개입니까?</translation>
    </message>
    <message>
        <source>{kernel}·{kernel}·{channels}·{filters} + {filters} = {answer}; the image&apos;s height and width do not count.</source>
        <translation>{kernel}·{kernel}·{channels}·{filters} + {filters} = {answer}. 이미지의 높이와 너비는 상관이 없습니다.</translation>
    </message>
    <message>
        <source>{inputs}·{outputs} + {outputs} = {answer} parameters, against only {conv} parameters for the filters.</source>
        <translation>{inputs}·{outputs} + {outputs} = 파라미터 {answer}개. 필터의 파라미터는 {conv}개뿐입니다.</translation>
    </message>
    <message>
        <source>&apos;Same&apos; padding at stride 2 halves the size, rounding up (the Padding lesson): each step gives ⌈size/2⌉.</source>
        <translation>스트라이드 2의 Same 패딩은 크기를 절반으로 줄이고 올림합니다(&apos;패딩&apos; 수업). 단계마다 ⌈크기/2⌉가 됩니다.</translation>
    </message>
    <message>
        <source>A run of {epochs} epochs without early stopping gave these validation accuracies after epochs 1, 2, 3, …: {scores} %. With early stopping at patience {patience} (training stops once {patience} epochs have passed since the best; an epoch is better only when it beats the best so far, a tie does not), after which epoch would training have stopped?</source>
        <translation>조기 종료 없이 {epochs} 에포크를 훈련했더니 에포크 1, 2, 3, … 뒤의 검증 정확도가 {scores} %였습니다. 조기 종료 대기를 {patience} 에포크로 두고 조기 종료를 썼다면(가장 좋은 에포크 뒤 {patience} 에포크가 지나면 훈련을 멈춥니다. 지금까지의 최고 값을 넘어야만 더 좋은 에포크이고, 같은 값은 넘은 것이 아닙니다) 몇 번째 에포크 뒤에 훈련이 멈췄을까요?</translation>
    </message>
    <message>
        <source>A run of {epochs} epochs without early stopping gave these validation accuracies after epochs 1, 2, 3, …: {scores} %. With early stopping at patience {patience} (training stops once {patience} epochs have passed since the best; an epoch is better only when it beats the best so far, a tie does not), which epoch&apos;s weights would be kept?</source>
        <translation>조기 종료 없이 {epochs} 에포크를 훈련했더니 에포크 1, 2, 3, … 뒤의 검증 정확도가 {scores} %였습니다. 조기 종료 대기를 {patience} 에포크로 두고 조기 종료를 썼다면(가장 좋은 에포크 뒤 {patience} 에포크가 지나면 훈련을 멈춥니다. 지금까지의 최고 값을 넘어야만 더 좋은 에포크이고, 같은 값은 넘은 것이 아닙니다) 몇 번째 에포크의 가중치가 남을까요?</translation>
    </message>
    <message>
        <source>Go through the epochs in order and keep the best validation accuracy so far (a tie does not beat it); training stops at the first epoch that comes {patience} epochs after the best.</source>
        <translation>에포크를 차례로 보며 지금까지의 최고 검증 정확도를 기억하세요(같은 값은 최고 값을 넘지 못합니다). 최고 에포크에서 {patience} 에포크가 지난 첫 에포크에서 훈련이 멈춥니다.</translation>
    </message>
    <message>
        <source>{path} is not a valid checkpoint ({reason})</source>
        <translation>{path}은(는) 올바른 체크포인트가 아닙니다 ({reason})</translation>
    </message>
    <message>
        <source>{path} is not a valid checkpoint: its {key} is not what CNN Playground writes ({found})</source>
        <translation>{path}은(는) 올바른 체크포인트가 아닙니다: {key}이(가) CNN Playground가 쓰는 형태가 아닙니다 ({found})</translation>
    </message>
    <message>
        <source>{path} contains code and was not loaded — a checkpoint holds only numbers; open only checkpoints made by CNN Playground</source>
        <translation>{path}에는 코드가 들어 있어 불러오지 않았습니다 — 체크포인트에는 숫자만 들어 있습니다. CNN Playground가 만든 체크포인트만 여세요</translation>
    </message>
    <message>
        <source>{path} declares {needed} GB of tensors, more than this machine can spare ({allowed} GB) — it was not loaded</source>
        <translation>{path}은(는) 텐서 {needed} GB를 선언해 이 컴퓨터가 내줄 수 있는 양({allowed} GB)보다 많습니다 — 불러오지 않았습니다</translation>
    </message>
    <message>
        <source>{path} declares {declared} MB of contents in a file of {size} MB — no checkpoint CNN Playground writes does that; it is damaged or was made to harm, and was not loaded</source>
        <translation>{path}은(는) {size} MB 파일 안에 {declared} MB의 내용이 있다고 선언합니다 — CNN Playground가 쓰는 체크포인트는 그렇지 않습니다. 손상되었거나 해를 끼치려고 만든 파일이라 불러오지 않았습니다</translation>
    </message>
    <message>
        <source>{path} could not be read: this machine has not enough free memory for it — close other programs, or open it on a machine with more memory</source>
        <translation>{path}을(를) 읽을 수 없습니다: 이 컴퓨터에 남은 메모리가 부족합니다 — 다른 프로그램을 닫거나 메모리가 더 많은 컴퓨터에서 여세요</translation>
    </message>
    <message>
        <source>not enough free memory to read it</source>
        <translation>읽을 메모리가 부족합니다</translation>
    </message>
    <message>
        <source>it asks to run code</source>
        <translation>코드를 실행하라고 요구합니다</translation>
    </message>
    <message>
        <source>it is not a PyTorch or safetensors file</source>
        <translation>PyTorch나 safetensors 파일이 아닙니다</translation>
    </message>
    <message>
        <source>it is truncated or damaged</source>
        <translation>잘렸거나 손상되었습니다</translation>
    </message>
    <message>
        <source>it holds something other than tensors and numbers</source>
        <translation>텐서와 숫자가 아닌 것이 들어 있습니다</translation>
    </message>
    <message>
        <source>{path} holds NaN or infinite weights ({tensor}) — it cannot classify; use an earlier checkpoint</source>
        <translation>{path}에 NaN이나 무한대 가중치가 있습니다 ({tensor}) — 분류할 수 없습니다. 이전 체크포인트를 쓰세요</translation>
    </message>
    <message>
        <source>the checkpoint&apos;s weights do not fit its network: {reason}</source>
        <translation>체크포인트의 가중치가 그 네트워크에 맞지 않습니다: {reason}</translation>
    </message>
    <message>
        <source>{path}: its weights do not fit the network it describes ({reason}) — it is damaged or was changed; use another checkpoint</source>
        <translation>{path}: 가중치가 파일이 설명하는 네트워크에 맞지 않습니다({reason}) — 손상되었거나 변경되었습니다. 다른 체크포인트를 사용하세요</translation>
    </message>
    <message>
        <source>{path}: the network it describes cannot be built ({problem}) — use another checkpoint</source>
        <translation>{path}: 파일이 설명하는 네트워크를 만들 수 없습니다({problem}) — 다른 체크포인트를 사용하세요</translation>
    </message>
    <message>
        <source>cannot write to {folder}: {reason} — choose another --out folder</source>
        <translation>{folder}에 쓸 수 없습니다: {reason} — 다른 --out 폴더를 고르세요</translation>
    </message>
    <message>
        <source>image not found: {path}</source>
        <translation>이미지를 찾을 수 없습니다: {path}</translation>
    </message>
    <message>
        <source>no images to classify</source>
        <translation>분류할 이미지가 없습니다</translation>
    </message>
    <message>
        <source>the network&apos;s output for this image is not a number (NaN) — the checkpoint is damaged</source>
        <translation>이 이미지에 대한 네트워크의 출력이 숫자가 아닙니다(NaN) — 체크포인트가 손상되었습니다</translation>
    </message>
    <message>
        <source>none of the {count} files could be read as an image</source>
        <translation>파일 {count}개 중 이미지로 읽을 수 있는 것이 없습니다</translation>
    </message>
    <message>
        <source>unknown built-in dataset {source} (known: {known})</source>
        <translation>알 수 없는 내장 데이터셋 {source} (있는 것: {known})</translation>
    </message>
    <message>
        <source>{path}: {problem} — reinstall the dataset</source>
        <translation>{path}: {problem} — 데이터셋을 다시 설치하세요</translation>
    </message>
    <message>
        <source>{folder} is not empty — choose a new folder for the training job</source>
        <translation>{folder}이(가) 비어 있지 않습니다 — 훈련 작업을 위한 새 폴더를 고르세요</translation>
    </message>
    <message>
        <source>{folder} is inside the images&apos; folder {root}: it would become a class of its own</source>
        <translation>{folder}이(가) 이미지 폴더 {root} 안에 있습니다: 그 자체가 하나의 클래스가 됩니다</translation>
    </message>
    <message>
        <source>{path} is a link to {target}, outside the images&apos; folder {root} — a job copies only the dataset&apos;s own files; replace the link by a copy</source>
        <translation>{path}은(는) 이미지 폴더 {root} 밖의 {target}을(를) 가리키는 링크입니다 — 작업에는 데이터셋 자체의 파일만 복사됩니다. 링크를 복사본으로 바꾸세요</translation>
    </message>
    <message>
        <source>{path} is missing or damaged: {reason}</source>
        <translation>{path}이(가) 없거나 손상되었습니다: {reason}</translation>
    </message>
    <message>
        <source>{path} is not a training job&apos;s manifest: its {key} is not what export-job writes — export the job again</source>
        <translation>{path}은(는) 훈련 작업의 매니페스트가 아닙니다: {key}이(가) export-job이 쓰는 형태가 아닙니다 — 작업을 다시 내보내세요</translation>
    </message>
    <message>
        <source>{path} is larger than {limit} MB, more than any training job&apos;s manifest</source>
        <translation>{path}이(가) {limit} MB보다 큽니다. 어떤 훈련 작업의 매니페스트보다도 큽니다</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>일반 파일이 아닙니다</translation>
    </message>
    <message>
        <source>{path} holds {name} as {found} numbers where {network} has {expected} — it is not that network&apos;s weights</source>
        <translation>{path}에는 {name}이(가) {found} 숫자로 들어 있지만 {network}에는 {expected}이어야 합니다 — 이 네트워크의 가중치가 아닙니다</translation>
    </message>
    <message>
        <source>{path} holds NaN or infinite values in {name} — these weights cannot be used</source>
        <translation>{path}의 {name}에 NaN이나 무한대 값이 있습니다 — 이 가중치는 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>the job&apos;s files do not match its manifest: {problems}{more} — copy the job again</source>
        <translation>작업의 파일이 매니페스트와 맞지 않습니다: {problems}{more} — 작업을 다시 복사하세요</translation>
    </message>
    <message>
        <source>{path} is outside the job folder</source>
        <translation>{path}이(가) 작업 폴더 밖에 있습니다</translation>
    </message>
    <message>
        <source>{path} is missing</source>
        <translation>{path}이(가) 없습니다</translation>
    </message>
    <message>
        <source>{path} differs from the original</source>
        <translation>{path}이(가) 원본과 다릅니다</translation>
    </message>
    <message>
        <source>{path} is not in the manifest</source>
        <translation>{path}은(는) 매니페스트에 없습니다</translation>
    </message>
    <message>
        <source>the job&apos;s project reads its images from {source}, not from the job&apos;s own {expected} — copy the job again</source>
        <translation>작업의 프로젝트가 작업 자체의 {expected}이(가) 아니라 {source}에서 이미지를 읽습니다 — 작업을 다시 복사하세요</translation>
    </message>
    <message>
        <source>the Python export writes out networks built from blocks; a pretrained network&apos;s code is torchvision&apos;s — export it as TorchScript or ONNX instead</source>
        <translation>Python 내보내기는 블록으로 만든 네트워크를 코드로 씁니다. 사전 훈련된 네트워크의 코드는 torchvision의 것입니다 — TorchScript나 ONNX로 내보내세요</translation>
    </message>
    <message>
        <source>unknown export format {found} (choose {choices})</source>
        <translation>알 수 없는 내보내기 형식 {found} ({choices} 중에서 고르세요)</translation>
    </message>
    <message>
        <source>--padding must be valid, same or a whole number, got {found}</source>
        <translation>--padding은 valid, same 또는 정수여야 합니다. 실제 값: {found}</translation>
    </message>
    <message>
        <source>pooling works on one channel at a time: give --input without &apos;|&apos;</source>
        <translation>풀링은 한 번에 채널 하나에만 적용됩니다: --input에 &apos;|&apos; 없이 입력하세요</translation>
    </message>
    <message>
        <source>{folder} exists and was not made by CNN Playground, so nothing is written into it — rename that folder, or save the project under another name</source>
        <translation>{folder}이(가) 이미 있고 CNN Playground가 만든 것이 아니어서 아무것도 쓰지 않았습니다 — 그 폴더의 이름을 바꾸거나 프로젝트를 다른 이름으로 저장하세요</translation>
    </message>
    <message>
        <source>{path} is damaged ({reason}) — the project&apos;s trained model and runs cannot be read</source>
        <translation>{path}이(가) 손상되었습니다 ({reason}) — 프로젝트의 훈련된 모델과 실행 기록을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>{path} is not CNN Playground&apos;s list of runs: its {key} is not what the app writes</source>
        <translation>{path}은(는) CNN Playground의 실행 목록이 아닙니다: {key}이(가) 앱이 쓰는 형식이 아닙니다</translation>
    </message>
    <message>
        <source>{path} already lists {limit} runs, as many as a project keeps — train with --no-attach, or copy the project file under a new name (its list of runs starts afresh)</source>
        <translation>{path}에 이미 훈련 기록이 {limit}개 있어 프로젝트가 보관할 수 있는 최대치입니다 — --no-attach로 훈련하거나, 프로젝트 파일을 새 이름으로 복사하세요(훈련 기록 목록이 새로 시작됩니다)</translation>
    </message>
    <message>
        <source>{path} was left as it was: with this run it could not be read back ({problem}) — train with --no-attach, or copy the project file under a new name (its list of runs starts afresh)</source>
        <translation>{path}은(는) 그대로 두었습니다: 이 훈련 기록을 더하면 다시 읽을 수 없게 됩니다({problem}) — --no-attach로 훈련하거나, 프로젝트 파일을 새 이름으로 복사하세요(훈련 기록 목록이 새로 시작됩니다)</translation>
    </message>
    <message>
        <source>{path} is larger than {limit} MB, more than any project&apos;s list of runs</source>
        <translation>{path}이(가) {limit} MB보다 큽니다 — 어떤 프로젝트의 실행 목록보다도 큽니다</translation>
    </message>
    <message>
        <source>{path} has no trained model yet — train it first: cnn-playground train {path}</source>
        <translation>{path}에는 아직 훈련된 모델이 없습니다 — 먼저 훈련하세요: cnn-playground train {path}</translation>
    </message>
    <message>
        <source>{path} is not a project bundle: it is not a zip file</source>
        <translation>{path}은(는) 프로젝트 번들이 아닙니다: zip 파일이 아닙니다</translation>
    </message>
    <message>
        <source>{path} is damaged: {reason}</source>
        <translation>{path}이(가) 손상되었습니다: {reason}</translation>
    </message>
    <message>
        <source>{path} is not a project bundle made by CNN Playground: its manifest&apos;s {key} is missing or wrong</source>
        <translation>{path}은(는) CNN Playground가 만든 프로젝트 번들이 아닙니다: 목록(manifest)의 {key}이(가) 없거나 잘못되었습니다</translation>
    </message>
    <message>
        <source>{path} was not opened: it holds {name}, a name that would place a file outside its folder</source>
        <translation>{path}을(를) 열지 않았습니다: 파일을 폴더 밖에 놓게 되는 이름 {name}이(가) 들어 있습니다</translation>
    </message>
    <message>
        <source>{path} was not opened: it holds {name}, a link — a bundle holds plain files only</source>
        <translation>{path}을(를) 열지 않았습니다: 링크 {name}이(가) 들어 있습니다 — 번들에는 일반 파일만 들어 있어야 합니다</translation>
    </message>
    <message>
        <source>{path} was not opened: it holds {count} files, more than the {limit} a bundle may hold</source>
        <translation>{path}을(를) 열지 않았습니다: 파일이 {count}개로, 번들이 담을 수 있는 {limit}개보다 많습니다</translation>
    </message>
    <message>
        <source>{path} was not opened: {name} unpacks to {size} MB, more than the {limit} MB one file of a bundle may take</source>
        <translation>{path}을(를) 열지 않았습니다: {name}을(를) 풀면 {size} MB로, 번들의 파일 하나에 허용되는 {limit} MB보다 큽니다</translation>
    </message>
    <message>
        <source>{path} was not opened: it unpacks to {size} MB, more than the {limit} MB a bundle may take</source>
        <translation>{path}을(를) 열지 않았습니다: 풀면 {size} MB로, 번들에 허용되는 {limit} MB보다 큽니다</translation>
    </message>
    <message>
        <source>{path} was not opened: {name} is compressed {ratio} to 1, as only a zip bomb is</source>
        <translation>{path}을(를) 열지 않았습니다: {name}이(가) {ratio}:1로 압축되어 있습니다 — zip 폭탄에서나 볼 수 있는 비율입니다</translation>
    </message>
    <message>
        <source>{path} was not opened: {name} is not in its manifest</source>
        <translation>{path}을(를) 열지 않았습니다: {name}이(가) 목록(manifest)에 없습니다</translation>
    </message>
    <message>
        <source>{path} was not opened: {name} is in its manifest but not in the bundle</source>
        <translation>{path}을(를) 열지 않았습니다: {name}이(가) 목록(manifest)에는 있지만 번들에는 없습니다</translation>
    </message>
    <message>
        <source>{path} was not opened: {name} differs from its manifest (size or SHA-256) — the bundle is damaged or was changed</source>
        <translation>{path}을(를) 열지 않았습니다: {name}이(가) 목록(manifest)과 다릅니다 (크기 또는 SHA-256) — 번들이 손상되었거나 바뀌었습니다</translation>
    </message>
    <message>
        <source>{path} was not opened: its project reads images from {source}, outside the bundle</source>
        <translation>{path}을(를) 열지 않았습니다: 프로젝트가 번들 밖의 {source}에서 이미지를 읽습니다</translation>
    </message>
    <message>
        <source>{path} was not opened: {file} could not be written ({reason}) — is the disk full or read-only? Nothing of the bundle was kept</source>
        <translation>{path}을(를) 열지 않았습니다: {file}을(를) 쓸 수 없습니다({reason}) — 디스크가 가득 찼거나 읽기 전용인가요? 번들의 어떤 것도 남기지 않았습니다</translation>
    </message>
    <message>
        <source>{path} was not opened: {problem}</source>
        <translation>{path}을(를) 열지 않았습니다: {problem}</translation>
    </message>
    <message>
        <source>{folder} is not empty — choose a new folder to open the bundle into</source>
        <translation>{folder}이(가) 비어 있지 않습니다 — 번들을 풀 새 폴더를 고르세요</translation>
    </message>
    <message>
        <source>{path} exists and is not a bundle made by CNN Playground — it is left as it is; choose another name</source>
        <translation>{path}이(가) 이미 있고 CNN Playground가 만든 번들이 아니어서 그대로 두었습니다 — 다른 이름을 고르세요</translation>
    </message>
</context>
</TS>
