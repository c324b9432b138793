@echo off
rem Install CNN Playground from this kit, with no network: install.bat [FOLDER]
rem (default folder: %LOCALAPPDATA%\CNN Playground). Made by `cnn-playground kit build`.
rem
rem 0. with no Python @PYTHONS@ on this PC: runs the kit's Python installer (if the kit has one)
rem    for the current user, without questions, after checking that file's SHA-256;
rem 1. checks every file of the kit against manifest.txt (size and SHA-256);
rem 2. makes a virtual environment in FOLDER\venv;
rem 3. installs the app from the kit's wheels only (pip --no-index --find-links), ignoring any pip
rem    configuration and PIP_* variables on this PC;
rem 4. puts the kit's pretrained weights and datasets where the app finds them and adds a
rem    Start-menu shortcut (`cnn-playground kit finish`).
setlocal EnableExtensions EnableDelayedExpansion
chcp 65001 >nul

set "KIT=%~dp0"
if "%KIT:~-1%"=="\" set "KIT=%KIT:~0,-1%"
set "TARGET=%~1"
if "%TARGET%"=="" set "TARGET=%LOCALAPPDATA%\CNN Playground"
set "VERSION=@VERSION@"
set "PYTHONS=@PYTHONS@"
set "INSTALLER=@INSTALLER@"
set "INSTALLER_SHA256=@INSTALLER_SHA256@"

call :find_python
if not defined PY if not "%INSTALLER%"=="" (
  echo Checking the Python installer / Python 설치 파일 확인: %INSTALLER%
  set "GOT="
  for /f "skip=1 delims=" %%h in ('certutil -hashfile "%KIT%\%INSTALLER%" SHA256') do if not defined GOT set "GOT=%%h"
  set "GOT=!GOT: =!"
  if /i not "!GOT!"=="%INSTALLER_SHA256%" (
    echo error: damaged: %INSTALLER% - copy the kit again / 손상됨: 키트를 다시 복사하세요 1>&2
    exit /b 1
  )
  echo Installing Python for this user / 이 사용자용 Python 설치 중...
  rem start /wait: the installer is a windowed program, which a script would otherwise not wait for
  start "" /wait "%KIT%\%INSTALLER%" /quiet InstallAllUsers=0 PrependPath=1 Include_launcher=1 Include_test=0 Shortcuts=0
  if errorlevel 1 (
    echo error: the Python installer failed / Python 설치에 실패했습니다 1>&2
    exit /b 1
  )
  call :find_python
)
if not defined PY (
  echo error: this kit has wheels for Python %PYTHONS%, and none is installed on this PC; build the kit with --python-installer / 이 PC에 Python %PYTHONS% 이 없습니다 1>&2
  exit /b 1
)
echo Python: %PY%

"%PY%" "%KIT%\tools\check_kit.py" "%KIT%"
if errorlevel 1 exit /b 1

rem pip must see the kit and nothing else: no configuration file, no PIP_* variable.
for /f "delims==" %%v in ('set PIP_ 2^>nul') do set "%%v="
set "PIP_CONFIG_FILE=nul"

if not exist "%TARGET%\venv\Scripts\python.exe" (
  "%PY%" -m venv "%TARGET%\venv"
  if errorlevel 1 (
    echo error: could not make a virtual environment in %TARGET%\venv / 가상 환경을 만들 수 없습니다 1>&2
    exit /b 1
  )
)
rem Installing again (a newer kit) brings every package to the kit's version; the app itself is always
rem put in anew (a kit rebuilt from changed sources keeps its version number).
set "PIP_FROM_KIT="%TARGET%\venv\Scripts\python.exe" -m pip install --isolated --no-index --find-links "%KIT%\wheels" --disable-pip-version-check --no-warn-script-location"
%PIP_FROM_KIT% --upgrade --upgrade-strategy eager "cnn-playground==%VERSION%"
if errorlevel 1 goto pip_failed
%PIP_FROM_KIT% --force-reinstall --no-deps "cnn-playground==%VERSION%"
if errorlevel 1 goto pip_failed
"%TARGET%\venv\Scripts\cnn-playground.exe" kit finish "%KIT%" --venv "%TARGET%\venv"
if errorlevel 1 exit /b 1
echo.
echo CNN Playground %VERSION%: Start menu / 시작 메뉴 - CNN Playground
echo Before class / 수업 전 점검: "%TARGET%\venv\Scripts\cnn-playground.exe" doctor
exit /b 0

:pip_failed
echo error: pip could not install the app from the kit's wheels / 키트의 휠로 앱을 설치하지 못했습니다 1>&2
exit /b 1

:find_python
rem The Python launcher (py -3.12), then the per-user install folder, then python on PATH.
set "PY="
for %%v in (%PYTHONS%) do (
  if not defined PY (
    for /f "delims=" %%p in ('py -%%v -c "import sys; print(sys.executable)" 2^>nul') do set "PY=%%p"
  )
  if not defined PY (
    set "NODOT=%%v"
    set "NODOT=!NODOT:.=!"
    if exist "%LOCALAPPDATA%\Programs\Python\Python!NODOT!\python.exe" set "PY=%LOCALAPPDATA%\Programs\Python\Python!NODOT!\python.exe"
  )
  if not defined PY (
    for /f "tokens=1*" %%a in ('python -c "import sys; print(str(sys.version_info[0]) + '.' + str(sys.version_info[1]), sys.executable)" 2^>nul') do if "%%a"=="%%v" set "PY=%%b"
  )
)
exit /b 0
